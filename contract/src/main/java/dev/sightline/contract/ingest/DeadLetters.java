package dev.sightline.contract.ingest;

/**
 * Where records go that can never be handled (they no longer decode): set aside with the reason, so
 * they stop blocking the log yet are not silently lost — a file or topic an operator can read.
 */
@FunctionalInterface
public interface DeadLetters {
    void deadLetter(LogRecord record, String reason);
}
