package dev.sightline.app;

import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Move;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.insights.InsightAnalyser;
import dev.sightline.insights.InsightSettings;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Sessions analysed per second: writes synthetic sessions (clicks with rage bursts and dead clicks,
 * scrolling up and down, forms, errors, requests, page changes) to a fresh DuckDB event store, then
 * runs insight analysis until nothing is pending and times it. {@link #main} runs a series with
 * longer and longer sessions: when detection is linear in session length, events analysed per second
 * stay about the same while sessions per second fall in proportion.
 *
 * <p>{@code java -cp app/target/sightline.jar dev.sightline.app.InsightsBenchmark [sessions] [pages] [events per page]}
 */
public final class InsightsBenchmark {

    /** What one run measured; {@code analysis} excludes writing the sessions. */
    public record Result(int sessions, int pageViews, long events, Duration analysis) {
        public double sessionsPerSecond() {
            return sessions / seconds();
        }

        public double eventsPerSecond() {
            return events / seconds();
        }

        private double seconds() {
            return Math.max(1e-9, analysis.toNanos() / 1e9);
        }
    }

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final int WRITE_BATCH = 500;

    private InsightsBenchmark() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int eventsPerPage = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        System.out.println("Insight analysis (DuckDB, one analyser thread, batches of "
                + InsightSettings.DEFAULTS.schedule().batchSize() + " page views)");
        System.out.println("events/session  sessions  page views      events  analysis s  sessions/s    events/s");
        for (int factor : new int[] {1, 4, 16}) {
            Result r = run(sessions / factor, pages, eventsPerPage * factor, 42);
            System.out.printf(Locale.ROOT, "%14d  %8d  %10d  %10d  %10.2f  %10.0f  %10.0f%n", pages * eventsPerPage * factor,
                    r.sessions(), r.pageViews(), r.events(), r.analysis().toNanos() / 1e9, r.sessionsPerSecond(),
                    r.eventsPerSecond());
        }
    }

    /** Writes the sessions to a temporary store, analyses them all, and deletes the store. */
    public static Result run(int sessions, int pagesPerSession, int eventsPerPage, long seed) {
        Path dir;
        try {
            dir = Files.createTempDirectory("sightline-insights-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (EventStore store = new DuckDbEventStore(dir)) {
            long events = write(store, sessions, pagesPerSession, eventsPerPage, new Random(seed));
            InsightSettings settings = InsightSettings.from(Map.of("insight-ended-grace-ms", "0", "insight-quiet-ms", "0"));
            InsightAnalyser analyser = new InsightAnalyser(store.insights(), settings);
            Instant now = START.plus(Duration.ofDays(1));
            long started = System.nanoTime();
            int analysed = 0;
            for (int step; (step = analyser.analyseReady(now)) > 0; ) {
                analysed += step;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (analysed < sessions * pagesPerSession) {
                throw new IllegalStateException("analysed " + analysed + " of " + sessions * pagesPerSession + " page views");
            }
            return new Result(sessions, analysed, events, took);
        } finally {
            delete(dir);
        }
    }

    private static long write(EventStore store, int sessions, int pages, int eventsPerPage, Random random) {
        List<BatchRows> pending = new ArrayList<>();
        long events = 0;
        for (int s = 0; s < sessions; s++) {
            String sessionId = String.format(Locale.ROOT, "bench%07d", s);
            Instant pageStart = START.plusSeconds(s * 7L);
            for (int p = 1; p <= pages; p++) {
                List<AnalyticsEvent> pageEvents = new ArrayList<>(eventsPerPage);
                List<PageChangeRun> changes = new ArrayList<>();
                long lastT = page(random, eventsPerPage, pageEvents, changes);
                String url = "https://shop.example/page-" + random.nextInt(20);
                PageViewFacts facts = new PageViewFacts(p, url, url, "Page", "", pageStart, pageStart.plusMillis(lastT + 500),
                        lastT / 2, 800, 1280, 800, 6000, true);
                pending.add(new BatchRows(new BatchKey("bench", sessionId, p, 0), "visitor" + s, pageStart.plusMillis(lastT + 600),
                        new Visit(DeviceClass.DESKTOP, "Chrome", "156", "Linux", "--", false), Optional.empty(), facts,
                        Optional.empty(), pageEvents, changes));
                events += pageEvents.size();
                pageStart = pageStart.plusMillis(lastT + 1_000);
                if (pending.size() >= WRITE_BATCH) {
                    store.write(pending);
                    pending.clear();
                }
            }
        }
        store.write(pending);
        return events;
    }

    /** One page view's {@code count} events in time order; returns the time of the last. */
    private static long page(Random random, int count, List<AnalyticsEvent> events, List<PageChangeRun> changes) {
        long t = 200;
        int y = 0;
        int direction = 1;
        while (events.size() < count) {
            t += 100 + random.nextInt(500);
            int roll = random.nextInt(100);
            if (roll < 35) {
                if (random.nextInt(10) == 0) {
                    direction = -direction;
                }
                y = Math.max(0, y + direction * (100 + random.nextInt(600)));
                events.add(new Scroll(t, 0, y, 6000, 800));
            } else if (roll < 60) {
                events.add(new Move(t, random.nextInt(1280), y + random.nextInt(800), "#area-" + random.nextInt(8), 5000, 5000));
            } else if (roll < 80) {
                String selector = "#button-" + random.nextInt(12);
                int clicks = Math.min(random.nextInt(30) == 0 ? 3 : 1, count - events.size());
                for (int c = 0; c < clicks; c++, t += 120) {
                    events.add(new Click(t, 300, 400, selector, 5000, 5000, "button", "Go", Click.REACTIVE, 120, 40));
                }
                if (random.nextInt(10) < 7) {
                    changes.add(new PageChangeRun(t + 20, t + 20 + random.nextInt(90), 1 + random.nextInt(4)));
                }
            } else if (roll < 92) {
                events.add(random.nextInt(40) == 0 ? new FormSubmit(t, "#form")
                        : new FieldInteraction(t, random.nextInt(4), "#field-" + random.nextInt(5), "#form", "text"));
            } else if (roll < 97) {
                events.add(new Request(t));
            } else {
                events.add(new ScriptError(t, "TypeError: x is undefined", "https://shop.example/app.js", 10, 5, 0));
            }
        }
        return t;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
