package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.heatmap.AreaStats;
import dev.sightline.contract.heatmap.ElementStats;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PagePositionBin;
import dev.sightline.contract.heatmap.PointBin;
import dev.sightline.contract.heatmap.PointMap;
import dev.sightline.contract.insights.InsightKind;
import java.util.Collection;
import java.util.List;

/**
 * A layer's points, aggregated by ClickHouse: the totals, the ranked elements, then the cells inside
 * each listed element's box. Facts are read without {@code FINAL}: the writer never inserts an event
 * twice ({@link BatchWriter} deletes what an interrupted write left before writing it again), and
 * {@code FINAL} is a single-threaded merge on 18.16 that tripled these statements' time. Session counts are exact ({@code uniqExact}) up to
 * {@link PointMap#EXACT_SESSIONS_UP_TO} points and {@code uniq} estimates above.
 */
final class HeatmapPoints {

    /** A cell is about this many recorded pixels wide (and high): finer than a point's glow. */
    private static final int CELL_PIXELS = 10;

    /** Moves carry no element size: their boxes are divided as if they were this big, into 64 cells a side. */
    private static final int MOVE_BOX_PIXELS = 64 * CELL_PIXELS;

    private HeatmapPoints() {
    }

    static PointMap map(ClickHouseDatabase database, HeatmapQuery query, HeatmapLayer layer) {
        String rows = layerRows(query, layer);
        JsonNode totals = database.query("SELECT count() AS points, uniq(session_id) AS sessions FROM (" + rows + ")")
                .get(0);
        long points = totals.get("points").asLong();
        boolean exact = points <= PointMap.EXACT_SESSIONS_UP_TO;
        String distinctSessions = exact ? "uniqExact(session_id)" : "uniq(session_id)";
        // the estimate comes with the count; an exact count is read again, over few points
        long sessions = exact ? database.query("SELECT uniqExact(session_id) AS sessions FROM (" + rows + ")").get(0)
                .get("sessions").asLong() : totals.get("sessions").asLong();
        List<ElementStats> elements = database.query("""
                        SELECT selector, argMax(tag, ts) AS latest_tag, argMax(text, ts) AS latest_text,
                               count() AS points, %s AS sessions
                        FROM (%s) GROUP BY selector ORDER BY points DESC, selector LIMIT %d"""
                        .formatted(distinctSessions, rows, PointMap.MAX_ELEMENTS))
                .stream()
                .map(row -> new ElementStats(row.get("selector").asText(), row.get("latest_tag").asText(),
                        row.get("latest_text").asText(), row.get("points").asLong(), row.get("sessions").asLong()))
                .toList();
        long listed = elements.stream().mapToLong(ElementStats::points).sum();
        String binned = listed == points ? rows
                : "SELECT * FROM (" + rows + ") WHERE selector IN "
                + Sql.list(elements.stream().map(ElementStats::selector).toList());
        return new PointMap(points, sessions, !exact, points - listed, elements, bins(database, binned));
    }

    /**
     * The cells of the points' elements: each side is divided into a power of two of cells of about
     * {@link #CELL_PIXELS} (1..{@link PointBin#MAX_CELLS}), and a point falls in the cell of its place in
     * the box ({@code rel_x}, {@code rel_y} in 1/10000ths).
     */
    private static List<PointBin> bins(ClickHouseDatabase database, String rows) {
        return database.query("""
                        SELECT selector, column_power, row_power,
                               least(bitShiftLeft(1, column_power) - 1,
                                     intDiv(rel_x * bitShiftLeft(1, column_power), 10000)) AS cell_column,
                               least(bitShiftLeft(1, row_power) - 1,
                                     intDiv(rel_y * bitShiftLeft(1, row_power), 10000)) AS cell_row,
                               count() AS points
                        FROM (SELECT selector, rel_x, rel_y, %s AS column_power, %s AS row_power FROM (%s))
                        GROUP BY selector, column_power, row_power, cell_column, cell_row"""
                        .formatted(power("width"), power("height"), rows))
                .stream()
                .map(row -> new PointBin(row.get("selector").asText(), 1 << row.get("column_power").asInt(),
                        1 << row.get("row_power").asInt(), row.get("cell_column").asInt(), row.get("cell_row").asInt(),
                        row.get("points").asLong()))
                .toList();
    }

    /** Cells along one side as a power of two: about {@link #CELL_PIXELS} each, 1..{@link PointBin#MAX_CELLS}. */
    private static String power(String size) {
        StringBuilder sql = new StringBuilder("multiIf(");
        int maxPower = Integer.numberOfTrailingZeros(PointBin.MAX_CELLS);
        for (int p = 0; p < maxPower; p++) {
            sql.append(size).append(" <= ").append(CELL_PIXELS << p).append(", ").append(p).append(", ");
        }
        return sql.append(maxPower).append(")").toString();
    }

    static List<PagePositionBin> pagePositions(ClickHouseDatabase database, HeatmapQuery query, HeatmapLayer layer,
                                               Collection<String> selectors) {
        if (selectors.isEmpty()) {
            return List.of();
        }
        int cell = PagePositionBin.CELL_PIXELS;
        return database.query("""
                        SELECT selector, intDiv(x, %1$d) AS cell_x, intDiv(y, %1$d) AS cell_y, count() AS points
                        FROM (%2$s) GROUP BY selector, cell_x, cell_y ORDER BY selector, cell_x, cell_y"""
                        .formatted(cell, onSelectors(layerRows(query, layer), selectors)))
                .stream()
                .map(row -> new PagePositionBin(row.get("selector").asText(), row.get("cell_x").asInt() * cell + cell / 2,
                        row.get("cell_y").asInt() * cell + cell / 2, row.get("points").asLong()))
                .toList();
    }

    static AreaStats area(ClickHouseDatabase database, HeatmapQuery query, HeatmapLayer layer,
                          Collection<String> selectors) {
        if (selectors.isEmpty()) {
            return new AreaStats(0, 0, false);
        }
        JsonNode row = database.query("SELECT count() AS points, uniq(session_id) AS estimated,"
                + " uniqExact(session_id) AS exact FROM (" + onSelectors(layerRows(query, layer), selectors) + ")")
                .get(0);
        long points = row.get("points").asLong();
        boolean estimated = points > PointMap.EXACT_SESSIONS_UP_TO;
        return new AreaStats(points, row.get(estimated ? "estimated" : "exact").asLong(), estimated);
    }

    /**
     * The layer's rows on these selectors. The selectors narrow the layer's rows, not the rows the layer
     * is chosen from (the first click of a page view stays the first even when it is on another element).
     */
    private static String onSelectors(String layerRows, Collection<String> selectors) {
        return "SELECT * FROM (" + layerRows + ") WHERE selector IN " + Sql.list(selectors);
    }

    /** The layer's rows as {@code session_id, page_number, ts, selector, rel_x, rel_y, x, y, width, height, tag, text}. */
    private static String layerRows(HeatmapQuery query, HeatmapLayer layer) {
        String columns = "session_id, page_number, ts, selector, rel_x, rel_y, x, y, ";
        if (layer == HeatmapLayer.MOVES) {
            return "SELECT " + columns + MOVE_BOX_PIXELS + " AS width, " + MOVE_BOX_PIXELS
                    + " AS height, '' AS tag, '' AS text FROM moves WHERE " + HeatmapFilter.facts(query);
        }
        String clicks = "SELECT " + columns + "width, height, tag, text FROM clicks WHERE "
                + HeatmapFilter.facts(query);
        return switch (layer) {
            case FIRST_CLICKS -> clicks + " ORDER BY session_id, page_number, ts, x, y LIMIT 1 BY session_id, page_number";
            case RAGE_CLICKS -> clicks + " AND " + InsightEventQuery.clickMarked(query.projectId(), InsightKind.RAGE_CLICK);
            case DEAD_CLICKS -> clicks + " AND " + InsightEventQuery.clickMarked(query.projectId(), InsightKind.DEAD_CLICK);
            case ERROR_CLICKS -> clicks + " AND " + InsightEventQuery.clickMarked(query.projectId(), InsightKind.ERROR_CLICK);
            default -> clicks;
        };
    }
}
