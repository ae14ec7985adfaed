package dev.sightline.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key: each key may spend {@code burst} uploads at once and regains
 * {@code perSecond} a second. Idle buckets are dropped so a flood of distinct keys cannot grow memory
 * without bound.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 200_000;

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one token; false when the key has none left. */
    public boolean tryAcquire(String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_KEYS) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double elapsed = (now - bucket.refilledAtNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
            bucket.refilledAtNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Seconds until a key that was refused will have a token again. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(1 / perSecond));
    }

    private void evictIdle(long now) {
        long fullAfterNanos = (long) (burst / perSecond * 1e9);
        buckets.entrySet().removeIf(e -> now - e.getValue().refilledAtNanos > fullAfterNanos);
    }
}
