package dev.sightline.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for an e-mail address or
 * from a client within {@value #WINDOW_MINUTES} minutes, further attempts are refused until the window passes.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final int WINDOW_MINUTES = 15;
    private static final long WINDOW_NANOS = WINDOW_MINUTES * 60_000_000_000L;

    private record Failures(int count, long since) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    boolean blocked(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return false;
        }
        if (System.nanoTime() - f.since() > WINDOW_NANOS) {
            failures.remove(key);
            return false;
        }
        return f.count() >= MAX_FAILURES;
    }

    void failed(String key) {
        if (failures.size() > 100_000) {
            failures.clear();
        }
        failures.merge(key, new Failures(1, System.nanoTime()),
                (old, one) -> System.nanoTime() - old.since() > WINDOW_NANOS ? one : new Failures(old.count() + 1, old.since()));
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
