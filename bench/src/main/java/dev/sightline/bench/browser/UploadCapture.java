package dev.sightline.bench.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Every upload one recorder sent to the bench site: bytes on the wire (the request body as sent) and
 * decompressed (gzip bodies inflated; plain ones as they are), and the decompressed bodies themselves.
 */
public final class UploadCapture {
    private long wireBytes;
    private long decodedBytes;
    private final List<byte[]> bodies = new ArrayList<>();

    synchronized void add(byte[] body) {
        byte[] decoded = isGzip(body) ? gunzip(body) : body;
        wireBytes += body.length;
        decodedBytes += decoded.length;
        bodies.add(decoded);
    }

    public synchronized long wireBytes() {
        return wireBytes;
    }

    public synchronized long decodedBytes() {
        return decodedBytes;
    }

    public synchronized int uploads() {
        return bodies.size();
    }

    /** The decompressed bodies in the order they arrived. */
    public synchronized List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    public synchronized void clear() {
        wireBytes = 0;
        decodedBytes = 0;
        bodies.clear();
    }

    static boolean isGzip(byte[] body) {
        return body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
