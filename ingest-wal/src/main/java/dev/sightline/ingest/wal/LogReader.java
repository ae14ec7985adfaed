package dev.sightline.ingest.wal;

import dev.sightline.contract.ingest.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads records sequentially from any offset, never past the durable end. */
final class LogReader implements AutoCloseable {

    /** Records read, and the offset just after the last of them. */
    record Read(List<LogRecord> records, long next, long bytes) {
    }

    private final Segments segments;
    private FileChannel channel;
    private long channelBase = -1;

    LogReader(Segments segments) {
        this.segments = segments;
    }

    Read read(long from, long durableEnd, int maxRecords, long maxBytes) {
        List<LogRecord> records = new ArrayList<>();
        long offset = from;
        long bytes = 0;
        try {
            List<Long> bases = segments.baseOffsets();
            while (offset < durableEnd && records.size() < maxRecords && bytes < maxBytes) {
                long base = segments.segmentOf(offset, bases);
                open(base);
                long positionInSegment = offset - base;
                if (positionInSegment >= channel.size()) {
                    long next = nextBase(bases, base);
                    if (next < 0) {
                        bases = segments.baseOffsets();
                        next = nextBase(bases, base);
                    }
                    if (next < 0 || next > durableEnd) {
                        break;
                    }
                    offset = next;
                    continue;
                }
                ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
                readFully(header, positionInSegment);
                int length = header.getInt(0);
                int crc = header.getInt(4);
                if (length <= 0 || length > Frame.MAX_PAYLOAD_BYTES) {
                    throw new IllegalStateException("corrupt record header at offset " + offset);
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(payload, positionInSegment + Frame.HEADER_BYTES);
                payload.flip();
                if (!Frame.checksumMatches(payload, crc)) {
                    throw new IllegalStateException("record at offset " + offset + " fails its checksum");
                }
                records.add(Frame.decode(payload));
                offset += Frame.HEADER_BYTES + length;
                bytes += Frame.HEADER_BYTES + length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the write-ahead log", e);
        }
        return new Read(records, offset, bytes);
    }

    private static long nextBase(List<Long> bases, long base) {
        for (long b : bases) {
            if (b > base) {
                return b;
            }
        }
        return -1;
    }

    private void open(long base) throws IOException {
        if (base != channelBase) {
            close();
            channel = FileChannel.open(segments.path(base), StandardOpenOption.READ);
            channelBase = base;
        }
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        target.clear();
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw new IOException("unexpected end of segment at " + at);
            }
            at += n;
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // reading only; nothing to lose
            }
            channel = null;
            channelBase = -1;
        }
    }
}
