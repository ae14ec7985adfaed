package dev.sightline.bench.browser;

/**
 * What records a page in a measured visit: nothing (the baseline), Sightline's tracker, or a peer
 * measured beside it in the same run — rrweb's recorder alone (defaults, uploads gzip'd every 5 s)
 * and Microsoft Clarity's tracker (its own encoding and upload schedule).
 */
public enum Recorder {
    NONE("none", ""),
    SIGHTLINE("Sightline", """
            <script>window.sightline=window.sightline||function(){(sightline.q=sightline.q||[]).push(arguments)};</script>
            <script async src="/sightline.js?k=demo-site-key"></script>"""),
    RRWEB("rrweb record 2.1.6", """
            <script async src="/peer/rrweb.js"></script>"""),
    CLARITY("Clarity 0.8.70", """
            <script>window.clarity=window.clarity||function(){(clarity.q=clarity.q||[]).push(arguments)};
            clarity("start",{projectId:"bench",upload:location.origin+"/clarity-collect",track:true,content:true});</script>
            <script async src="/peer/clarity.js"></script>""");

    private final String label;
    private final String snippet;

    Recorder(String label, String snippet) {
        this.label = label;
        this.snippet = snippet;
    }

    public String label() {
        return label;
    }

    /** The tags that install it, for a page's {@code <head>}. */
    String snippet() {
        return snippet;
    }

    /** The path prefix under which {@link BenchSite} serves pages recorded by it. */
    public String prefix() {
        return "/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
