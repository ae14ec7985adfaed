package dev.sightline.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Looks for strings anywhere under a data directory: in the raw bytes of every file, inside every gzip
 * stream embedded in a file (recording chunks, uploads kept in the ingest log), and in every text value
 * of every table of every DuckDB database (whose own compression could hide a string from a byte scan).
 */
final class DataScan {
    private DataScan() {
    }

    /** Where each needle was found; empty when none is anywhere. Run with Sightline closed. */
    static List<String> find(Path dataDir, List<String> needles) throws IOException, SQLException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            scan(file + " (bytes)", bytes, needles, found);
            for (int i = 0; i + 2 < bytes.length; i++) {
                if ((bytes[i] & 0xff) == 0x1f && (bytes[i + 1] & 0xff) == 0x8b && bytes[i + 2] == 8) {
                    byte[] inflated = inflate(bytes, i);
                    if (inflated.length > 0) {
                        scan(file + " (gzip at " + i + ")", inflated, needles, found);
                    }
                }
            }
            if (file.toString().endsWith(".duckdb")) {
                scanDuckDb(file, needles, found);
            }
        }
        return found;
    }

    private static void scan(String where, byte[] bytes, List<String> needles, List<String> found) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        for (String needle : needles) {
            if (text.contains(needle) || utf8.contains(needle)) {
                found.add(needle + " in " + where);
            }
        }
    }

    private static byte[] inflate(byte[] bytes, int offset) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && out.size() < (64 << 20)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException notGzipAfterAll) {
            return new byte[0];
        }
    }

    private static void scanDuckDb(Path file, List<String> needles, List<String> found) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String value = rs.getString(c);
                            if (value == null) {
                                continue;
                            }
                            for (String needle : needles) {
                                if (value.contains(needle)) {
                                    found.add(needle + " in " + file.getFileName() + " table " + table);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
