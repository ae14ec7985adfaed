package dev.sightline.store.duckdb;

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
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * A layer's points, aggregated by DuckDB: totals, the ranked elements, the cells inside each element's
 * box, and page positions for chosen elements. Session counts are exact up to
 * {@link PointMap#EXACT_SESSIONS_UP_TO} points and HyperLogLog estimates above, where exact distinct
 * counts per element cost more than the rest of the aggregation together.
 */
final class HeatmapPoints {

    /** A cell is about this many recorded pixels wide (and high): fine enough to look continuous. */
    private static final int CELL_PIXELS = 6;

    /** Moves carry no element size: their boxes are divided as if they were this big, into 64 cells a side. */
    private static final int MOVE_BOX_PIXELS = 64 * CELL_PIXELS;

    private HeatmapPoints() {
    }

    static PointMap map(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer) throws SQLException {
        long points;
        long estimatedSessions;
        try (PreparedStatement select = points(query, layer, List.of())
                .add("SELECT count(*), approx_count_distinct(session_id) FROM points").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            points = rows.getLong(1);
            estimatedSessions = rows.getLong(2);
        }
        boolean exact = points <= PointMap.EXACT_SESSIONS_UP_TO;
        long sessions = exact ? exactSessions(connection, query, layer, List.of()) : estimatedSessions;
        List<ElementStats> elements = elements(connection, query, layer, exact);
        long listed = elements.stream().mapToLong(ElementStats::points).sum();
        List<String> only = listed == points ? List.of() : elements.stream().map(ElementStats::selector).toList();
        return new PointMap(points, sessions, !exact, points - listed, elements, bins(connection, query, layer, only));
    }

    static List<PagePositionBin> pagePositions(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                                               Collection<String> selectors) throws SQLException {
        if (selectors.isEmpty()) {
            return List.of();
        }
        List<PagePositionBin> bins = new ArrayList<>();
        int cell = PagePositionBin.CELL_PIXELS;
        try (PreparedStatement select = points(query, layer, selectors).add("SELECT selector, x // " + cell
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
        try (PreparedStatement select = points(query, layer, selectors)
                .add("SELECT count(*), approx_count_distinct(session_id) FROM points").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            long points = rows.getLong(1);
            if (points > PointMap.EXACT_SESSIONS_UP_TO) {
                return new AreaStats(points, rows.getLong(2), true);
            }
            return new AreaStats(points, exactSessions(connection, query, layer, selectors), false);
        }
    }

    private static long exactSessions(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                                      Collection<String> selectors) throws SQLException {
        try (PreparedStatement select = points(query, layer, selectors)
                .add("SELECT count(DISTINCT session_id) FROM points").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<ElementStats> elements(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                                               boolean exactSessions) throws SQLException {
        String sessions = exactSessions ? "count(DISTINCT session_id)" : "approx_count_distinct(session_id)";
        List<ElementStats> elements = new ArrayList<>();
        try (PreparedStatement select = points(query, layer, List.of()).add("""
                        SELECT selector, arg_max(tag, ts), arg_max(text, ts), count(*) AS n, %s
                        FROM points GROUP BY selector ORDER BY n DESC, selector LIMIT %d"""
                        .formatted(sessions, PointMap.MAX_ELEMENTS)).prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                elements.add(new ElementStats(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        rows.getLong(5)));
            }
        }
        return elements;
    }

    /** The cells of the listed elements ({@code only}; empty when every element is listed). */
    private static List<PointBin> bins(DuckDBConnection connection, HeatmapQuery query, HeatmapLayer layer,
                                       List<String> only) throws SQLException {
        List<PointBin> bins = new ArrayList<>();
        try (PreparedStatement select = points(query, layer, only).add("""
                        SELECT selector, cell_columns, cell_rows,
                               least(cell_columns - 1, rel_x * cell_columns // 10000) AS cell_x,
                               least(cell_rows - 1, rel_y * cell_rows // 10000) AS cell_y, count(*)
                        FROM (SELECT selector, rel_x, rel_y, %s AS cell_columns, %s AS cell_rows FROM points)
                        GROUP BY ALL ORDER BY ALL""".formatted(cells("width"), cells("height")))
                .prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                bins.add(new PointBin(rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getInt(4),
                        rows.getInt(5), rows.getLong(6)));
            }
        }
        return bins;
    }

    /** Cells along one side: the power of two that makes them about {@link #CELL_PIXELS}, 1..256. */
    private static String cells(String size) {
        int maxPower = Integer.numberOfTrailingZeros(PointBin.MAX_CELLS);
        return "(1 << least(" + maxPower + ", greatest(0, ceil(log2(greatest(" + size + ", 1) / " + CELL_PIXELS
                + ".0))::INTEGER)))";
    }

    /**
     * {@code WITH points AS (…)}: the layer's rows in the query (only on these selectors, when given), as
     * {@code session_id, ts, selector, rel_x, rel_y, x, y, width, height, tag, text}. The selectors narrow
     * the layer's rows, not the rows the layer is chosen from (the first click of a page view stays the
     * first even when it is on another element).
     */
    private static HeatmapSql points(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors) {
        if (!layer.available()) {
            throw new IllegalArgumentException("the " + layer + " layer is available when insights land");
        }
        HeatmapSql sql = new HeatmapSql().add("WITH points AS (SELECT * FROM (SELECT session_id, ts, selector, rel_x,"
                + " rel_y, x, y, ");
        if (layer == HeatmapLayer.MOVES) {
            sql.add(MOVE_BOX_PIXELS + " AS width, " + MOVE_BOX_PIXELS + " AS height, '' AS tag, '' AS text FROM moves");
        } else {
            sql.add("width, height, tag, text FROM clicks");
        }
        sql.add(HeatmapFilter.facts(query));
        if (layer == HeatmapLayer.FIRST_CLICKS) {
            sql.add(" QUALIFY row_number() OVER (PARTITION BY session_id, page_number ORDER BY ts, x, y) = 1");
        }
        sql.add(")");
        if (!selectors.isEmpty()) {
            sql.add(" WHERE selector IN (SELECT unnest(?::VARCHAR[]))", (Object) selectors.toArray(String[]::new));
        }
        return sql.add(") ");
    }
}
