package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

/** A visitor's first session: the one that started first, the smaller id breaking a tie. */
record FirstSession(String sessionId, long startMicros) implements Comparable<FirstSession> {

    FirstSession {
        requireNonNull(sessionId, "sessionId is null");
    }

    @Override
    public int compareTo(FirstSession other) {
        int byStart = Long.compare(startMicros, other.startMicros);
        return byStart != 0 ? byStart : sessionId.compareTo(other.sessionId);
    }

    FirstSession earlierOf(FirstSession other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
