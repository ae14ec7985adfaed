package dev.sightline.ingest.wal;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.ingest.LogRecord;
import dev.sightline.contract.ingest.RecordHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link IngestLog}: segment files on local disk, appended with group commit and fsync,
 * read in order by one consumer thread that moves the checkpoint only after its handler succeeded.
 * After a crash, everything acknowledged is still there and everything after the checkpoint is
 * handled again — handlers are idempotent, so nothing is lost and nothing is stored twice.
 */
public final class WriteAheadLog implements IngestLog {
    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);
    private static final long MAX_GROUP_BYTES = 32L << 20;

    private final Path directory;
    private final WalSettings settings;
    private final Segments segments;
    private final Checkpoint checkpoint;
    private final DeadLetterFile deadLetters;
    private final LogWriter writer;
    private final Thread writerThread;
    private final Object progress = new Object();
    private final AtomicLong unhandledRecords = new AtomicLong();
    private final AtomicLong unhandledBytes = new AtomicLong();
    private volatile long durableEnd;
    private volatile long handledUpTo;
    private volatile boolean closed;
    private Thread consumerThread;

    public WriteAheadLog(Path directory, WalSettings settings) {
        this.directory = Objects.requireNonNull(directory, "directory is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        try {
            Files.createDirectories(directory);
            this.segments = new Segments(directory);
            this.checkpoint = new Checkpoint(directory);
            this.deadLetters = new DeadLetterFile(directory);
            Recovery.State state = Recovery.scan(segments, checkpoint.read());
            this.handledUpTo = state.start();
            this.durableEnd = state.end();
            this.unhandledRecords.set(state.records());
            this.unhandledBytes.set(state.bytes());
            if (state.records() > 0) {
                LOG.info("write-ahead log: {} records to handle again after restart", state.records());
            }
            this.writer = new LogWriter(directory, segments, settings, state.lastSegmentBase(), state.end(),
                    unhandledBytes::get, this::onDurable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the write-ahead log in " + directory, e);
        }
        this.writerThread = new Thread(writer, "wal-writer");
        this.writerThread.setDaemon(true);
        this.writerThread.start();
    }

    @Override
    public CompletableFuture<Void> append(String key, byte[] record) {
        return writer.append(Frame.keyBytes(key), record);
    }

    @Override
    public void deadLetter(LogRecord record, String reason) {
        deadLetters.write(record, reason);
        LOG.warn("dead-lettered a record of key {}: {}", record.key(), reason);
    }

    private void onDurable(long end, int records) {
        synchronized (progress) {
            unhandledBytes.addAndGet(end - durableEnd);
            durableEnd = end;
            unhandledRecords.addAndGet(records);
            progress.notifyAll();
        }
    }

    @Override
    public synchronized void startConsuming(RecordHandler handler) {
        Objects.requireNonNull(handler, "handler is null");
        if (consumerThread != null) {
            throw new IllegalStateException("the write-ahead log already has a consumer");
        }
        consumerThread = new Thread(() -> consume(handler), "wal-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    private void consume(RecordHandler handler) {
        try (LogReader reader = new LogReader(segments)) {
            while (!closed) {
                LogReader.Read read = reader.read(handledUpTo, durableEnd, settings.maxGroupRecords(), MAX_GROUP_BYTES);
                if (read.records().isEmpty()) {
                    awaitMore();
                    continue;
                }
                if (!handleWithRetries(handler, read)) {
                    return;
                }
                checkpoint.write(read.next());
                synchronized (progress) {
                    handledUpTo = read.next();
                    unhandledRecords.addAndGet(-read.records().size());
                    unhandledBytes.addAndGet(-read.bytes());
                    progress.notifyAll();
                }
                deleteHandledSegments();
            }
        } catch (RuntimeException e) {
            LOG.error("the write-ahead log consumer stopped", e);
        }
    }

    private boolean handleWithRetries(RecordHandler handler, LogReader.Read read) {
        long backoffMs = 100;
        while (!closed) {
            try {
                handler.handle(read.records());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("handling {} records failed; retrying in {} ms", read.records().size(), backoffMs, e);
                if (!sleep(backoffMs)) {
                    return false;
                }
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
        return false;
    }

    private void awaitMore() {
        synchronized (progress) {
            if (handledUpTo >= durableEnd && !closed) {
                try {
                    progress.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void deleteHandledSegments() {
        for (long base : segments.baseOffsets()) {
            boolean active = base == writer.segmentBase();
            if (!active && segments.segmentOf(handledUpTo, segments.baseOffsets()) > base) {
                segments.delete(base);
            }
        }
    }

    /**
     * {@inheritDoc} The active segment is closed first (later appends go to a new one), then every
     * segment before it is deleted as soon as all its records have been handled.
     */
    @Override
    public boolean purgeHandled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rolledAt;
        try {
            rolledAt = writer.rollOver().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot roll the write-ahead log over",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (TimeoutException e) {
            return false;
        }
        if (!awaitHandledUpTo(rolledAt, deadline)) {
            return false;
        }
        for (long base : segments.baseOffsets()) {
            if (base < rolledAt) {
                segments.delete(base);
            }
        }
        try {
            Directories.fsync(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the deletion of handled segments durable", e);
        }
        return true;
    }

    @Override
    public long lag() {
        return unhandledRecords.get();
    }

    /** Waits until every record appended so far has been handled; for tests and orderly shutdown. */
    public boolean awaitHandled(long timeout, TimeUnit unit) throws InterruptedException {
        long target;
        synchronized (progress) {
            target = durableEnd;
        }
        return awaitHandledUpTo(target, System.nanoTime() + unit.toNanos(timeout));
    }

    private boolean awaitHandledUpTo(long target, long deadline) throws InterruptedException {
        synchronized (progress) {
            while (handledUpTo < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    @Override
    public void close() {
        writer.close();
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        synchronized (progress) {
            progress.notifyAll();
        }
        Thread consumer = consumerThread;
        if (consumer != null) {
            try {
                consumer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.closeChannel();
        LOG.debug("write-ahead log in {} closed", directory);
    }
}
