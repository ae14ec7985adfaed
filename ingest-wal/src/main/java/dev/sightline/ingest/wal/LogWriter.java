package dev.sightline.ingest.wal;

import dev.sightline.contract.ingest.IngestLogFullException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: appends queue up while the disk is busy, then one thread writes them all and makes
 * them durable with a single fsync, completing every waiting future at once. This keeps
 * acked-means-durable cheap under load (one fsync per group, not per request).
 */
final class LogWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);

    private record Pending(byte[] key, byte[] value, CompletableFuture<Void> done) {
        int size() {
            return Frame.size(key, value);
        }
    }

    /** Told the new durable end offset and how many records became durable. */
    interface DurableListener {
        void durable(long endOffset, int records);
    }

    private final Segments segments;
    private final Path directory;
    private final WalSettings settings;
    private final DurableListener listener;
    private final LongSupplier unhandledBytes;
    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<CompletableFuture<Long>> rollOvers = new ArrayList<>();
    private long queuedBytes;
    private boolean closed;
    private volatile IOException failure;

    private FileChannel channel;
    private long segmentBase;
    private long end;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 20);

    LogWriter(Path directory, Segments segments, WalSettings settings, long segmentBase, long end,
              LongSupplier unhandledBytes, DurableListener listener) throws IOException {
        this.directory = directory;
        this.segments = segments;
        this.settings = settings;
        this.segmentBase = segmentBase;
        this.end = end;
        this.unhandledBytes = unhandledBytes;
        this.listener = listener;
        this.channel = FileChannel.open(segments.path(segmentBase), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.channel.position(end - segmentBase);
        Directories.fsync(directory);
    }

    CompletableFuture<Void> append(byte[] key, byte[] value) {
        Pending pending = new Pending(key, value, new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the write-ahead log is closed");
            }
            if (failure != null) {
                throw new IngestLogFullException("the write-ahead log cannot write: " + failure.getMessage(), 5);
            }
            if (queuedBytes + pending.size() > settings.maxPendingBytes()) {
                throw new IngestLogFullException("the disk is behind; " + queuedBytes + " bytes wait to be written", 1);
            }
            if (unhandledBytes.getAsLong() > settings.maxUnhandledBytes()) {
                throw new IngestLogFullException("processing is behind by more than "
                        + (settings.maxUnhandledBytes() >> 20) + " MiB", 5);
            }
            queue.add(pending);
            queuedBytes += pending.size();
            lock.notifyAll();
        }
        return pending.done();
    }

    long end() {
        return end;
    }

    /**
     * Closes the active segment once what is queued now is written, so that later appends go to a new
     * one. Completes with the offset where the new segment starts: every record before it is in a
     * closed segment. An empty active segment is kept as it is.
     */
    CompletableFuture<Long> rollOver() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the write-ahead log is closed");
            }
            rollOvers.add(done);
            lock.notifyAll();
        }
        return done;
    }

    long segmentBase() {
        return segmentBase;
    }

    @Override
    public void run() {
        while (true) {
            List<Pending> group;
            List<CompletableFuture<Long>> rolls;
            synchronized (lock) {
                while (queue.isEmpty() && rollOvers.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (queue.isEmpty() && rollOvers.isEmpty()) {
                    return;
                }
                group = new ArrayList<>(queue);
                queue.clear();
                rolls = new ArrayList<>(rollOvers);
                rollOvers.clear();
            }
            long groupBytes = group.stream().mapToLong(Pending::size).sum();
            try {
                if (!group.isEmpty()) {
                    writeAndSync(group);
                    listener.durable(end, group.size());
                    group.forEach(p -> p.done().complete(null));
                }
                if (!rolls.isEmpty()) {
                    if (end > segmentBase) {
                        rotate();
                    }
                    rolls.forEach(r -> r.complete(segmentBase));
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("write-ahead log write failed; uploads are refused until restart", e);
                failure = e instanceof IOException io ? io : new IOException(e);
                group.forEach(p -> p.done().completeExceptionally(e));
                rolls.forEach(r -> r.completeExceptionally(e));
            } finally {
                synchronized (lock) {
                    queuedBytes -= groupBytes;
                }
            }
        }
    }

    private void writeAndSync(List<Pending> group) throws IOException {
        for (Pending pending : group) {
            int size = pending.size();
            if (buffer.remaining() < size) {
                flushBuffer();
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate(size);
                }
            }
            Frame.write(buffer, pending.key(), pending.value());
        }
        flushBuffer();
        channel.force(false);
        if (end - segmentBase >= settings.segmentBytes()) {
            rotate();
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            end += channel.write(buffer);
        }
        buffer.clear();
    }

    private void rotate() throws IOException {
        channel.close();
        segmentBase = end;
        channel = FileChannel.open(segments.path(segmentBase), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Directories.fsync(directory);
    }

    /** Writes what is queued, then stops the writer thread. */
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the write-ahead log segment failed", e);
        }
    }
}
