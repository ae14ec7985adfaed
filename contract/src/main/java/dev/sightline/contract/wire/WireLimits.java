package dev.sightline.contract.wire;

/** Hard limits on what one upload may hold; anything beyond is rejected with a reason. */
public final class WireLimits {
    /** Bytes on the wire, compressed or not. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Bytes after gunzip: caps gzip bombs. */
    public static final int MAX_DECOMPRESSED_BYTES = 8 << 20;
    public static final int MAX_EVENTS = 5_000;
    public static final int MAX_PAGES_PER_SESSION = 128;
    public static final int MAX_SEQUENCE = 1023;
    public static final int MAX_ID_LENGTH = 64;
    /** A page older than this is not a page any more (clock skew included). */
    public static final long MAX_PAGE_AGE_MS = 24L * 60 * 60 * 1000;

    /** Stylesheet texts one upload may carry (envelope field {@code css}). */
    public static final int MAX_STYLESHEETS = 64;
    /** Characters of one stylesheet text. */
    public static final int MAX_STYLESHEET_CHARS = 1 << 20;
    /** Characters of all stylesheet texts of one upload (they also count in the body limits above). */
    public static final int MAX_STYLESHEETS_CHARS = 4 << 20;

    private WireLimits() {
    }
}
