package dev.sightline.ingest.wal;

import dev.sightline.contract.ingest.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code dead-letters.jsonl} beside the log: one JSON line per record that could never be handled,
 * with when, why, its key and its bytes (Base64), fsync'd before the log moves past it.
 */
final class DeadLetterFile {
    private final Path file;

    DeadLetterFile(Path directory) {
        this.file = directory.resolve("dead-letters.jsonl");
    }

    synchronized void write(LogRecord record, String reason) {
        String line = "{\"at\":\"" + Instant.now() + "\",\"reason\":" + quote(reason) + ",\"key\":" + quote(record.key())
                + ",\"record\":\"" + Base64.getEncoder().encodeToString(record.value()) + "\"}\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
