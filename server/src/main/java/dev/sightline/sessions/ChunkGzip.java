package dev.sightline.sessions;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip of a recording chunk, at {@link Deflater#BEST_SPEED}, with one {@link Deflater} per thread kept
 * for its next chunk. Compressing at gzip's default level and setting up a new deflater for every
 * chunk was the largest part of preparing an upload; rrweb's JSON is repetitive enough that the
 * fastest level still shrinks it about as much (the files are a little larger, read back the same).
 */
final class ChunkGzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private ChunkGzip() {
    }

    static byte[] gzip(byte[] bytes) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        out.write(HEADER, 0, HEADER.length);
        byte[] buffer = new byte[Math.max(512, Math.min(bytes.length / 2, 64 * 1024))];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, bytes.length);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
