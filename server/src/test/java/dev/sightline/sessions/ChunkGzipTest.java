package dev.sightline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ChunkGzipTest {

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aChunkReadsBackAsTheVeryBytesThatWentIn() throws IOException {
        byte[] recording = "[{\"type\":3,\"data\":{\"source\":1,\"positions\":[{\"x\":1,\"y\":2}]},\"timestamp\":1}]"
                .repeat(500).getBytes(StandardCharsets.UTF_8);

        byte[] gzipped = ChunkGzip.gzip(recording);

        assertThat(gunzip(gzipped)).isEqualTo(recording);
        assertThat(gzipped.length).isLessThan(recording.length / 10);
    }

    @Test
    void theDeflaterKeptForTheNextChunkStartsAfresh() throws IOException {
        Random random = new Random(7);
        byte[] incompressible = new byte[200_000];
        random.nextBytes(incompressible);
        byte[] small = "[]".getBytes(StandardCharsets.UTF_8);

        assertThat(gunzip(ChunkGzip.gzip(incompressible))).isEqualTo(incompressible);
        assertThat(gunzip(ChunkGzip.gzip(small))).isEqualTo(small);
        assertThat(gunzip(ChunkGzip.gzip(new byte[0]))).isEmpty();
    }
}
