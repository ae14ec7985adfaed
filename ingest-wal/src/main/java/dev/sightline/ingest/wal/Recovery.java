package dev.sightline.ingest.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where a log ends after a restart. Records after the checkpoint are counted (they will be
 * handled again); a record torn by a crash at the tail of the last segment is cut off — it was never
 * acknowledged, because acknowledgements wait for the fsync that would have completed it.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    record State(long start, long end, long lastSegmentBase, long records, long bytes) {
    }

    private Recovery() {
    }

    static State scan(Segments segments, long checkpoint) {
        List<Long> bases = segments.baseOffsets();
        if (bases.isEmpty()) {
            long start = Math.max(checkpoint, 0);
            return new State(start, start, start, 0, 0);
        }
        long start = Math.max(checkpoint, bases.get(0));
        long records = 0;
        long bytes = 0;
        long end = start;
        for (int i = 0; i < bases.size(); i++) {
            long base = bases.get(i);
            boolean last = i == bases.size() - 1;
            long nextBase = last ? Long.MAX_VALUE : bases.get(i + 1);
            if (nextBase <= start) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(segments.path(base), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long position = Math.max(start, base) - base;
                long size = channel.size();
                while (position < size) {
                    long valid = validFrameLength(channel, position, size);
                    if (valid < 0) {
                        if (last) {
                            LOG.warn("cutting a torn record off the write-ahead log at offset {} ({} bytes)",
                                    base + position, size - position);
                            channel.truncate(position);
                            channel.force(true);
                        } else {
                            LOG.error("segment {} is corrupt from offset {}; skipping its remainder",
                                    base, base + position);
                        }
                        break;
                    }
                    position += valid;
                    records++;
                    bytes += valid;
                }
                end = base + position;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot recover segment " + base, e);
            }
        }
        return new State(start, end, bases.get(bases.size() - 1), records, bytes);
    }

    /** The full length of the frame at {@code position}, or -1 when it is incomplete or corrupt. */
    private static long validFrameLength(FileChannel channel, long position, long size) throws IOException {
        if (size - position < Frame.HEADER_BYTES) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
        channel.read(header, position);
        int length = header.getInt(0);
        int crc = header.getInt(4);
        if (length <= 0 || length > Frame.MAX_PAYLOAD_BYTES || size - position - Frame.HEADER_BYTES < length) {
            return -1;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        while (payload.hasRemaining()) {
            if (channel.read(payload, position + Frame.HEADER_BYTES + payload.position()) < 0) {
                return -1;
            }
        }
        payload.flip();
        return Frame.checksumMatches(payload, crc) ? Frame.HEADER_BYTES + length : -1;
    }
}
