package dev.sightline.bench.report;

import java.util.Objects;

/**
 * One line of the results table: what was measured, the figure, the target beside it, whether the
 * figure meets it, and the ratio to a peer measured on the same machine in the same run (empty when
 * there is none).
 */
public record Row(String suite, String name, String figure, String target, Status status, String peer) {

    public Row {
        Objects.requireNonNull(suite, "suite is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(figure, "figure is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(peer, "peer is null");
    }

    /** A measured value, formatted with its unit, judged against the target. */
    public static Row of(String suite, String name, double value, String unit, Target target) {
        Status status = target.isNone() ? Status.INFO : target.met().test(value) ? Status.MEETS : Status.MISSES;
        return new Row(suite, name, Figures.format(value) + (unit.isEmpty() ? "" : " " + unit), target.text(), status, "");
    }

    /**
     * The same row with a peer ratio added: this figure divided by the peer's, named after the peer
     * ("0.42x Clarity 0.8.70"). Ratios of figures at or near zero carry no meaning and print as n/a.
     */
    public Row withPeer(String peerName, double ours, double theirs) {
        String ratio = Math.abs(theirs) < 1e-9 || Double.isNaN(ours) || Double.isNaN(theirs)
                ? peerName + ": n/a" : String.format(java.util.Locale.ROOT, "%.2fx %s", ours / theirs, peerName);
        return new Row(suite, name, figure, target, status, peer.isEmpty() ? ratio : peer + "; " + ratio);
    }
}
