package dev.sightline.ingest;

/**
 * Limits of the collect endpoint.
 *
 * @param perSourcePerSecond uploads a second one client address may send (burst: ten times as many)
 * @param perProjectPerSecond uploads a second one project may receive (burst: twice as many)
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (behind a proxy only)
 */
public record CollectSettings(double perSourcePerSecond, double perProjectPerSecond, boolean trustForwardedFor) {
    public static final CollectSettings DEFAULTS = new CollectSettings(50, 5_000, false);
}
