package dev.sightline.insights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sightline.contract.store.PageChangeRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds when the page changed itself in an upload's rrweb recording, while the upload is processed:
 * incremental snapshots (type 3) from the sources that mean "the page did something" — DOM mutation
 * (0), input state (5), media (7), style sheet rules (8), canvas (9), style declarations (13),
 * adopted style sheets (15) — folded into {@link PageChangeRun}s. Reads the JSON as a stream without
 * building it; a recording it cannot read yields no runs (the upload itself is kept as it came).
 */
public final class PageChangeScanner {

    private static final int INCREMENTAL_SNAPSHOT = 3;
    private static final boolean[] CHANGE_SOURCES = new boolean[17];
    private static final JsonFactory JSON = new JsonFactory();

    static {
        for (int source : new int[] {0, 5, 7, 8, 9, 13, 15}) {
            CHANGE_SOURCES[source] = true;
        }
    }

    private PageChangeScanner() {
    }

    /** The runs of page changes in a recording (UTF-8 JSON of rrweb events), times relative to the page start. */
    public static List<PageChangeRun> scan(byte[] recordingJson, long pageStart) {
        long[] times = new long[64];
        int count = 0;
        try (JsonParser parser = JSON.createParser(recordingJson)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long change = change(parser);
                if (change != Long.MIN_VALUE) {
                    if (count == times.length) {
                        times = Arrays.copyOf(times, count * 2);
                    }
                    times[count++] = change - pageStart;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        return runs(times, count);
    }

    /** Reads one event object; its timestamp if it is a page change, else {@code Long.MIN_VALUE}. */
    private static long change(JsonParser parser) throws IOException {
        int type = -1;
        int source = -1;
        long timestamp = Long.MIN_VALUE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                type = parser.getIntValue();
            } else if ("timestamp".equals(name) && value.isNumeric()) {
                timestamp = parser.getLongValue();
            } else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                source = source(parser);
            } else {
                parser.skipChildren();
            }
        }
        boolean isChange = type == INCREMENTAL_SNAPSHOT && source >= 0 && source < CHANGE_SOURCES.length
                && CHANGE_SOURCES[source];
        return isChange ? timestamp : Long.MIN_VALUE;
    }

    /** Reads the {@code data} object, keeping only its {@code source}. */
    private static int source(JsonParser parser) throws IOException {
        int source = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("source".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                source = parser.getIntValue();
            } else {
                parser.skipChildren();
            }
        }
        return source;
    }

    private static List<PageChangeRun> runs(long[] times, int count) {
        if (count == 0) {
            return List.of();
        }
        Arrays.sort(times, 0, count);
        List<PageChangeRun> runs = new ArrayList<>();
        long start = times[0];
        long end = times[0];
        int changes = 1;
        for (int i = 1; i < count; i++) {
            if (times[i] - end > PageChangeRun.MAX_GAP_MS) {
                runs.add(new PageChangeRun(start, end, changes));
                start = times[i];
                changes = 0;
            }
            end = times[i];
            changes++;
        }
        runs.add(new PageChangeRun(start, end, changes));
        return runs;
    }
}
