package dev.sightline.contract.wire;

/**
 * A click or tap. {@code x}/{@code y} are page coordinates; {@code relX}/{@code relY} place it inside
 * the target's box in 1/10000ths of the box, so heatmaps can redraw it on any layout.
 */
public record Click(long t, int x, int y, String selector, int relX, int relY, String tag, String text,
                    int flags, int width, int height) implements AnalyticsEvent {

    public static final int REACTIVE = 1;
    public static final int KEYBOARD = 2;
    public static final int SYNTHETIC = 4;
    public static final int LINK = 8;
    public static final int TEXT_FIELD = 16;
    public static final int TEXT_SELECTED = 32;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
