package dev.sightline.store.duckdb;

import dev.sightline.contract.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Rewrites a DuckDB file so that deleted rows leave no trace in it. DuckDB marks the blocks of
 * deleted rows free but leaves their bytes in the file until they are reused, so an erased visitor
 * could still be read from the raw file. A copy of the live database holds only live rows; it then
 * replaces the original file.
 */
final class DatabaseRewrite {

    private static final String SUFFIX = ".rewrite";

    private DatabaseRewrite() {
    }

    /** The temporary file the copy goes to, beside the database file. */
    static Path copyOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /**
     * Copies every schema object and live row of the connection's database into a new file beside it.
     * Nothing may write to the database meanwhile.
     */
    static Path copy(DuckDBConnection connection, Path file) {
        Path copy = copyOf(file);
        try {
            deleteLeftovers(copy);
            String source;
            try (PreparedStatement select = connection.prepareStatement("SELECT current_database()");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                source = rows.getString(1);
            }
            Statements.execute(connection, "ATTACH '" + copy.toAbsolutePath().toString().replace("'", "''")
                    + "' AS sightline_rewrite");
            try {
                Statements.execute(connection, "COPY FROM DATABASE \"" + source.replace("\"", "\"\"")
                        + "\" TO sightline_rewrite");
            } finally {
                Statements.execute(connection, "DETACH sightline_rewrite");
            }
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return copy;
        } catch (SQLException | IOException e) {
            try {
                deleteLeftovers(copy);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new StoreException("cannot rewrite " + file, e);
        }
    }

    /**
     * Puts the copy in the place of the closed database file. The closed database checkpointed, so
     * its write-ahead log holds nothing the copy lacks and goes too.
     */
    static void replace(Path file, Path copy) {
        try {
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(wal(file));
            try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new StoreException("cannot put the rewritten " + file + " in place", e);
        }
    }

    /** Deletes a copy that will not be used. */
    static void discard(Path copy) {
        try {
            deleteLeftovers(copy);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + copy, e);
        }
    }

    private static void deleteLeftovers(Path copy) throws IOException {
        Files.deleteIfExists(copy);
        Files.deleteIfExists(wal(copy));
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }
}
