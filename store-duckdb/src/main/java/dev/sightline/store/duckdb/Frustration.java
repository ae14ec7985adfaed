package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightKind;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * How frustrated a session looks, for sorting recordings: how many times it showed the signs of
 * frustration (every insight but an abandoned form, which is as often a change of mind).
 */
final class Frustration {

    static final String ORDER = "coalesce((SELECT "
            + EnumSet.complementOf(EnumSet.of(InsightKind.FORM_ABANDON)).stream()
                    .map(kind -> "i." + InsightSchema.countColumn(kind)).collect(Collectors.joining(" + "))
            + " FROM session_insights i WHERE i.session_key = s.session_key), 0) DESC";

    private Frustration() {
    }
}
