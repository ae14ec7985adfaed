package dev.sightline.ingest.wal;

import dev.sightline.contract.ingest.LogRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One record on disk: {@code [int payloadLength][int crc32c(payload)][payload]}, where the payload is
 * {@code [short keyLength][key UTF-8][value]}. The checksum finds a record torn by a crash.
 */
final class Frame {
    static final int HEADER_BYTES = 8;
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    private Frame() {
    }

    static int size(byte[] key, byte[] value) {
        return HEADER_BYTES + 2 + key.length + value.length;
    }

    static void write(ByteBuffer out, byte[] key, byte[] value) {
        int payloadLength = 2 + key.length + value.length;
        int start = out.position();
        out.putInt(payloadLength);
        out.putInt(0);
        int payloadStart = out.position();
        out.putShort((short) key.length);
        out.put(key);
        out.put(value);
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().position(payloadStart).limit(payloadStart + payloadLength));
        out.putInt(start + 4, (int) crc.getValue());
    }

    static byte[] keyBytes(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("key longer than " + Short.MAX_VALUE + " bytes");
        }
        return bytes;
    }

    /** Decodes a payload whose checksum matched. */
    static LogRecord decode(ByteBuffer payload) {
        int keyLength = payload.getShort();
        byte[] key = new byte[keyLength];
        payload.get(key);
        byte[] value = new byte[payload.remaining()];
        payload.get(value);
        return new LogRecord(new String(key, StandardCharsets.UTF_8), value);
    }

    static boolean checksumMatches(ByteBuffer payload, int expectedCrc) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue() == expectedCrc;
    }
}
