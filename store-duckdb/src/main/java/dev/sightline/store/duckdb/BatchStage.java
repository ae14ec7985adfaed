package dev.sightline.store.duckdb;

import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.ScriptError;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends one {@code stage_rows} row per new batch, with the ordering values the merge needs:
 * <ul>
 *   <li>{@code batch_order}: the batch's place in its session (page number, then sequence) — the
 *       lowest gives the session's visit;</li>
 *   <li>{@code acquisition_order}: the same, or {@link #NONE_LOW} without an acquisition — the lowest wins;</li>
 *   <li>{@code user_order}: the same, or {@link #NONE_HIGH} without a user hash — the highest wins;</li>
 *   <li>{@code title_sequence}/{@code referrer_sequence}: the sequence, or {@link #NO_SEQUENCE} when
 *       empty — the lowest gives the page view's first non-empty value.</li>
 * </ul>
 */
final class BatchStage {

    /** Never wins a "lowest order" comparison. */
    static final long NONE_LOW = Long.MAX_VALUE;
    /** Never wins a "highest order" comparison. */
    static final long NONE_HIGH = -1;
    static final int NO_SEQUENCE = Integer.MAX_VALUE;

    private static final Acquisition NO_ACQUISITION = new Acquisition("", "", "", Channel.DIRECT, "", "", "", "", "");

    private BatchStage() {
    }

    /** Orders batches within a session: by page number, then sequence (both never negative). */
    static long batchOrder(BatchRows batch) {
        return ((long) batch.key().pageNumber() << 32) | (batch.key().sequence() & 0xFFFF_FFFFL);
    }

    static void stage(DuckDBConnection connection, List<BatchRows> batches) throws SQLException {
        try (DuckDBAppender appender = StageTables.appender(connection, StageTables.ROWS)) {
            for (BatchRows batch : batches) {
                appendRow(appender, batch);
            }
            appender.flush();
        }
    }

    private static void appendRow(DuckDBAppender appender, BatchRows batch) throws SQLException {
        long order = batchOrder(batch);
        int sequence = batch.key().sequence();
        PageViewFacts page = batch.page();
        Visit visit = batch.visit();
        Acquisition acquisition = batch.acquisition().orElse(NO_ACQUISITION);
        appender.beginRow()
                .append(Keys.session(batch.key().projectId(), batch.key().sessionId()))
                .append(batch.key().projectId()).append(batch.key().sessionId()).append(batch.key().pageNumber())
                .append(sequence).append(order).appendEpochMicros(Micros.of(batch.receivedAt()))
                .append(batch.visitorId())
                .append(page.url()).append(page.pageKey())
                .append(page.title()).append(page.title().isEmpty() ? NO_SEQUENCE : sequence)
                .append(page.referrer()).append(page.referrer().isEmpty() ? NO_SEQUENCE : sequence)
                .appendEpochMicros(Micros.of(page.startedAt())).appendEpochMicros(Micros.of(page.lastSeenAt()))
                .append(page.activeMs()).append(page.maxScrollPermille())
                .append(page.viewportWidth()).append(page.viewportHeight()).append(page.documentHeight())
                .append(page.ended())
                .append(visit.deviceClass().name()).append(visit.browser()).append(visit.browserVersion())
                .append(visit.os()).append(visit.country()).append(visit.bot())
                .append(batch.acquisition().isPresent() ? order : NONE_LOW)
                .append(acquisition.landingUrl()).append(acquisition.referrer()).append(acquisition.referrerHost())
                .append(acquisition.channel().name())
                .append(acquisition.utmSource()).append(acquisition.utmMedium()).append(acquisition.utmCampaign())
                .append(acquisition.utmTerm()).append(acquisition.utmContent());
        if (batch.userHash().isPresent()) {
            appender.append(order).append(batch.userHash().get());
        } else {
            appender.append(NONE_HIGH).appendNull();
        }
        appender.append(count(batch.events(), Click.class)).append(count(batch.events(), ScriptError.class))
                .endRow();
    }

    private static int count(List<AnalyticsEvent> events, Class<? extends AnalyticsEvent> kind) {
        int count = 0;
        for (AnalyticsEvent event : events) {
            if (kind.isInstance(event)) {
                count++;
            }
        }
        return count;
    }
}
