package dev.sightline.contract.wire;

/** Focus, input, blur or change on a form field. Values never travel, only the fact. */
public record FieldInteraction(long t, int action, String selector, String form, String fieldType)
        implements AnalyticsEvent {

    public static final int FOCUS = 0;
    public static final int INPUT = 1;
    public static final int BLUR = 2;
    public static final int CHANGE = 3;
}
