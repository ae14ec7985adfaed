package dev.sightline.bench.report;

/** Where a figure stands against its target. */
public enum Status {
    MEETS("meets"),
    MISSES("MISSES"),
    /** no target, or the figure could not be measured */
    INFO("");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
