package dev.sightline.store.duckdb;

import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.SessionSummary;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code sessions} a {@link SessionSummary} is read from, and the reading. */
final class SessionSummaries {

    static final String COLUMNS = """
            project_id, session_id, visitor_id, epoch_us(started_at), epoch_us(ended_at), active_ms, pages, clicks,
            errors, device_class::VARCHAR, browser, os, country, entry_url, exit_url, referrer, channel, new_visitor,
            bot, user_hash""";

    static final int COLUMN_COUNT = 20;

    private SessionSummaries() {
    }

    static SessionSummary read(ResultSet row) throws SQLException {
        return new SessionSummary(row.getString(1), row.getString(2), row.getString(3),
                Micros.toInstant(row.getLong(4)), Micros.toInstant(row.getLong(5)), row.getLong(6), row.getInt(7),
                row.getInt(8), row.getInt(9), DeviceClass.valueOf(row.getString(10)), row.getString(11),
                row.getString(12), row.getString(13), row.getString(14), row.getString(15), row.getString(16),
                Channel.valueOf(row.getString(17)), row.getBoolean(18), row.getBoolean(19), row.getString(20));
    }
}
