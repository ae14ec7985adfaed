package dev.sightline.bench.ingest;

import dev.sightline.store.disk.DiskRecordingStore;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a stopped server left in its data directory for one project: the batch keys the event store
 * holds (read-only, straight from {@code events.duckdb}) and the recording chunks on disk.
 */
record StoredBatches(Set<String> batchKeys, Set<String> chunkKeys) {
    private static final String SUFFIX = ".json.gz";

    static StoredBatches read(Path dataDir, String projectId) throws IOException, SQLException {
        Set<String> batches = new HashSet<>();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:duckdb:" + dataDir.resolve(DuckDbEventStore.FILE_NAME), readOnly);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT session_id, page_number, sequence FROM batches WHERE project_id = '"
                     + projectId.replace("'", "''") + "'")) {
            while (rows.next()) {
                batches.add(Upload.key(rows.getString(1), rows.getInt(2), rows.getInt(3)));
            }
        }
        Set<String> chunks = new HashSet<>();
        Path project = dataDir.resolve(DiskRecordingStore.FOLDER).resolve(projectId);
        if (Files.isDirectory(project)) {
            try (Stream<Path> files = Files.walk(project)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> {
                    String sequence = f.getFileName().toString();
                    chunks.add(Upload.key(f.getParent().getParent().getFileName().toString(),
                            Integer.parseInt(f.getParent().getFileName().toString()),
                            Integer.parseInt(sequence.substring(0, sequence.length() - SUFFIX.length()))));
                });
            }
        }
        return new StoredBatches(batches, chunks);
    }
}
