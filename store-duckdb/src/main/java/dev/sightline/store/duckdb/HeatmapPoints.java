package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.heatmap.AreaStats;
import dev.sightline.contract.heatmap.ElementStats;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PagePositionBin;
import dev.sightline.contract.heatmap.PointBin;
import dev.sightline.contract.heatmap.PointMap;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * A layer's points, aggregated by DuckDB in two passes over the rows: the ranked elements with the
 * totals (one {@code GROUPING SETS} query), then the cells inside each listed element's box. Session
 * counts are exact up to {@link PointMap#EXACT_SESSIONS_UP_TO} points (a third, small query) and
 * HyperLogLog estimates above, where exact distinct counts per element would cost more than the rest
 * of the aggregation together.
 */
final class HeatmapPoints {

    /** A cell is about this many recorded pixels wide (and high): finer than a point's glow. */
    private static final int CELL_PIXELS = 10;

    /** Moves carry no element size: their boxes are divided as if they were this big, into 64 cells a side. */
    private static final int MOVE_BOX_PIXELS = 64 * CELL_PIXELS;

    private HeatmapPoints() {
    }

    static PointMap map(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer) throws SQLException {
        HeatmapFilter.Resolved resolved = HeatmapFilter.resolve(connection, query);
        if (layer != HeatmapLayer.FIRST_CLICKS) {
            return map(connection, layerRows(query, layer, resolved));
        }
        // Choosing each page view's first click sorts every click: do it once, not once per pass. The table
        // lives in this read transaction; a failure rolls it back with the transaction.
        try (PreparedStatement create = new HeatmapSql().add("CREATE OR REPLACE TEMP TABLE heatmap_first_clicks AS ")
                .add(layerRows(query, layer, resolved)).prepare(connection)) {
            create.execute();
        }
        PointMap map = map(connection, new HeatmapSql().add("SELECT * FROM heatmap_first_clicks"));
        Statements.execute(connection, "DROP TABLE heatmap_first_clicks");
        return map;
    }

    private static PointMap map(DuckDBConnection connection, HeatmapSql rows) throws SQLException {
        Ranked ranked = ranked(connection, points(rows, List.of()), "approx_count_distinct(session_id)");
        boolean exact = ranked.points() <= PointMap.EXACT_SESSIONS_UP_TO;
        if (exact) {
            ranked = ranked(connection, points(rows, List.of()), "count(DISTINCT session_id)");
        }
        long listed = ranked.elements().stream().mapToLong(ElementStats::points).sum();
        List<String> only = listed == ranked.points() ? List.of()
                : ranked.elements().stream().map(ElementStats::selector).toList();
        return new PointMap(ranked.points(), ranked.sessions(), !exact, ranked.points() - listed, ranked.elements(),
                bins(connection, points(rows, only), ranked.selectors()));
    }

    static List<PagePositionBin> pagePositions(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                                               Collection<String> selectors) throws SQLException {
        if (selectors.isEmpty()) {
            return List.of();
        }
        HeatmapFilter.Resolved resolved = HeatmapFilter.resolve(connection, query);
        List<PagePositionBin> bins = new ArrayList<>();
        int cell = PagePositionBin.CELL_PIXELS;
        try (PreparedStatement select = points(query, layer, selectors, resolved).add("SELECT selector, x // " + cell
                        + " AS cell_x, y // " + cell + " AS cell_y, count(*) FROM points GROUP BY ALL ORDER BY ALL")
                .prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                bins.add(new PagePositionBin(rows.getString(1), rows.getInt(2) * cell + cell / 2,
                        rows.getInt(3) * cell + cell / 2, rows.getLong(4)));
            }
        }
        return bins;
    }

    static AreaStats area(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                          Collection<String> selectors) throws SQLException {
        if (selectors.isEmpty()) {
            return new AreaStats(0, 0, false);
        }
        HeatmapFilter.Resolved resolved = HeatmapFilter.resolve(connection, query);
        long points;
        long sessions;
        try (PreparedStatement select = points(query, layer, selectors, resolved)
                .add("SELECT count(*), approx_count_distinct(session_id) FROM points").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            points = rows.getLong(1);
            sessions = rows.getLong(2);
        }
        if (points > PointMap.EXACT_SESSIONS_UP_TO) {
            return new AreaStats(points, sessions, true);
        }
        try (PreparedStatement select = points(query, layer, selectors, resolved)
                .add("SELECT count(DISTINCT session_id) FROM points").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return new AreaStats(points, rows.getLong(1), false);
        }
    }

    /** The totals and the elements, most points first, with each selector's hash (which the cells are grouped by). */
    private record Ranked(long points, long sessions, List<ElementStats> elements, Map<Long, String> selectors) {
    }

    /** Selectors are grouped by a 63-bit hash: two integer keys group much faster than a string and four. */
    private static final String SELECTOR_HASH = "(hash(selector) >> 1)::BIGINT";

    private static Ranked ranked(DuckDBConnection connection, HeatmapSql points, String sessions) throws SQLException {
        long total = 0;
        long totalSessions = 0;
        List<ElementStats> elements = new ArrayList<>();
        Map<Long, String> selectors = new HashMap<>();
        // The grand total row (GROUPING = 1) sorts first; the elements follow, most points first.
        try (PreparedStatement select = points.add("""
                        SELECT selector, arg_max(tag, ts), arg_max(text, ts), count(*) AS n, %s, GROUPING(selector) AS total,
                               %s
                        FROM points GROUP BY GROUPING SETS ((selector), ())
                        ORDER BY total DESC, n DESC, selector LIMIT %d"""
                        .formatted(sessions, SELECTOR_HASH, PointMap.MAX_ELEMENTS + 1))
                .prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (rows.getInt(6) == 1) {
                    total = rows.getLong(4);
                    totalSessions = rows.getLong(5);
                } else {
                    elements.add(new ElementStats(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getLong(5)));
                    selectors.put(rows.getLong(7), rows.getString(1));
                }
            }
        }
        return new Ranked(total, totalSessions, elements, selectors);
    }

    /**
     * The cells of the listed elements. A cell's key packs both sides' powers of two and its column and
     * row into one integer (3 + 3 + 8 + 8 bits), the sides' powers come from comparisons, not logarithms:
     * per row arithmetic is what this query spends its time on.
     */
    private static List<PointBin> bins(DuckDBConnection connection, HeatmapSql points, Map<Long, String> selectors)
            throws SQLException {
        List<PointBin> bins = new ArrayList<>();
        try (PreparedStatement select = points.add("""
                        SELECT selector_hash, cell, count(*) FROM (
                            SELECT %s AS selector_hash,
                                   (column_power << 24) | (row_power << 16)
                                   | (least((1 << column_power) - 1, rel_x * (1 << column_power) // 10000) << 8)
                                   | least((1 << row_power) - 1, rel_y * (1 << row_power) // 10000) AS cell
                            FROM (SELECT selector, rel_x, rel_y, %s AS column_power, %s AS row_power FROM points))
                        GROUP BY ALL""".formatted(SELECTOR_HASH, power("width"), power("height")))
                .prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String selector = selectors.get(rows.getLong(1));
                int cell = rows.getInt(2);
                if (selector != null) {
                    bins.add(new PointBin(selector, 1 << (cell >>> 24), 1 << ((cell >>> 16) & 0xff), (cell >>> 8) & 0xff,
                            cell & 0xff, rows.getLong(3)));
                }
            }
        }
        return bins;
    }

    /** Cells along one side as a power of two: about {@link #CELL_PIXELS} each, 1..{@link PointBin#MAX_CELLS}. */
    private static String power(String size) {
        StringBuilder sql = new StringBuilder("CASE");
        int maxPower = Integer.numberOfTrailingZeros(PointBin.MAX_CELLS);
        for (int p = 0; p < maxPower; p++) {
            sql.append(" WHEN ").append(size).append(" <= ").append(CELL_PIXELS << p).append(" THEN ").append(p);
        }
        return sql.append(" ELSE ").append(maxPower).append(" END").toString();
    }

    /**
     * {@code WITH points AS (…)}: the layer's rows in the query, only those on these selectors when
     * given. The selectors narrow the layer's rows, not the rows the layer is chosen from (the first
     * click of a page view stays the first even when it is on another element).
     */
    private static HeatmapSql points(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors,
                                     HeatmapFilter.Resolved resolved) {
        return points(layerRows(query, layer, resolved), selectors);
    }

    private static HeatmapSql points(HeatmapSql layerRows, Collection<String> selectors) {
        HeatmapSql sql = new HeatmapSql().add("WITH points AS (SELECT * FROM (").add(layerRows).add(")");
        if (!selectors.isEmpty()) {
            sql.add(" WHERE selector IN (SELECT unnest(?::VARCHAR[]))", (Object) selectors.toArray(String[]::new));
        }
        return sql.add(") ");
    }

    /** The layer's rows as {@code session_id, ts, selector, rel_x, rel_y, x, y, width, height, tag, text}. */
    /** The insight whose clicks an insight layer shows (detection stores them at the click's time and selector). */
    private static Optional<InsightKind> insightKind(HeatmapLayer layer) {
        return switch (layer) {
            case RAGE_CLICKS -> Optional.of(InsightKind.RAGE_CLICK);
            case DEAD_CLICKS -> Optional.of(InsightKind.DEAD_CLICK);
            case ERROR_CLICKS -> Optional.of(InsightKind.ERROR_CLICK);
            default -> Optional.empty();
        };
    }

    private static HeatmapSql layerRows(HeatmapQuery query, HeatmapLayer layer, HeatmapFilter.Resolved resolved) {
        HeatmapSql sql = new HeatmapSql().add("SELECT session_id, ts, selector, rel_x, rel_y, x, y, ");
        if (layer == HeatmapLayer.MOVES) {
            sql.add(MOVE_BOX_PIXELS + " AS width, " + MOVE_BOX_PIXELS + " AS height, '' AS tag, '' AS text FROM moves");
        } else {
            sql.add("width, height, tag, text FROM clicks");
        }
        sql.add(HeatmapFilter.facts(query, resolved));
        insightKind(layer).ifPresent(kind -> sql.add(" AND EXISTS (SELECT 1 FROM insight_events i"
                + " WHERE i.project_id = clicks.project_id AND i.session_id = clicks.session_id"
                + " AND i.page_number = clicks.page_number AND i.ts = clicks.ts AND i.selector = clicks.selector"
                + " AND i.kind = ?)", kind.name()));
        if (layer == HeatmapLayer.FIRST_CLICKS) {
            sql.add(" QUALIFY row_number() OVER (PARTITION BY session_id, page_number ORDER BY ts, x, y) = 1");
        }
        return sql;
    }
}
