package dev.sightline.contract.export;

import dev.sightline.contract.insights.PageInsights;
import java.util.Objects;

/**
 * The stored results of one analysed page view, to save into another store. Its
 * {@link PageInsights#page()} names the page view; its mark count is the source's own and means
 * nothing elsewhere.
 *
 * @param awaitingAnalysis the page view received uploads after this analysis and waits to be analysed again
 */
public record ExportedAnalysis(PageInsights results, boolean awaitingAnalysis) {
    public ExportedAnalysis {
        Objects.requireNonNull(results, "results is null");
    }
}
