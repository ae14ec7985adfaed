package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A store's calls and its closing: reads run side by side, writes one at a time, and close waits for
 * every call in progress, after which calls are refused.
 */
final class StoreGate {
    private final String name;
    private final Lock writerLock = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /** @param name how a refusal names the store, e.g. "the event store" */
    StoreGate(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    <T> T asWriter(Supplier<T> call) {
        writerLock.lock();
        try {
            return whileOpen(call);
        } finally {
            writerLock.unlock();
        }
    }

    <T> T whileOpen(Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            return call.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for the calls in progress, then runs {@code onClose} once; later calls are refused. */
    void close(Runnable onClose) {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            onClose.run();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
