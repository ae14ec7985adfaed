package dev.sightline.retention;

import java.time.Duration;

/** The fixed parts of retention; a project's own recording and analytics days live in its settings. */
public final class RetentionPolicy {
    /** A kept session (a favourite, a labelled recording) is kept 13 months from its start. */
    public static final int KEPT_DAYS = 395;
    /** Login audit lines are kept 13 months. */
    public static final Duration LOGIN_AUDIT = Duration.ofDays(395);

    private RetentionPolicy() {
    }
}
