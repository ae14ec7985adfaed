package dev.sightline.contract.wire;

/** An uncaught error ({@code kind = 0}) or an unhandled promise rejection ({@code kind = 1}). */
public record ScriptError(long t, String message, String source, int line, int column, int kind)
        implements AnalyticsEvent {
}
