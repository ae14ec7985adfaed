package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan the masking tests rely on must find a string wherever it hides. */
class DataScanTest {
    @TempDir
    Path dir;

    @Test
    void aStringIsFoundInPlainBytesInsideGzipInsideOtherBytesAndInDuckDbTables() throws Exception {
        Files.writeString(dir.resolve("plain.txt"), "xx needle-plain xx");
        byte[] gzip = Uploads.gzip("{\"v\":\"needle-gzip\"}".getBytes(StandardCharsets.UTF_8));
        byte[] framed = new byte[gzip.length + 10];
        System.arraycopy(gzip, 0, framed, 10, gzip.length);
        Files.write(dir.resolve("segment.wal"), framed);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("t.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v VARCHAR)");
            s.execute("INSERT INTO t SELECT 'row ' || i || ' needle-duck' FROM range(100000) r(i)");
        }

        List<String> found = DataScan.find(dir, List.of("needle-plain", "needle-gzip", "needle-duck", "needle-absent"));

        assertThat(found).anyMatch(f -> f.startsWith("needle-plain"));
        assertThat(found).anyMatch(f -> f.startsWith("needle-gzip"));
        assertThat(found).anyMatch(f -> f.startsWith("needle-duck") && f.contains("table t"));
        assertThat(found).noneMatch(f -> f.startsWith("needle-absent"));
    }
}
