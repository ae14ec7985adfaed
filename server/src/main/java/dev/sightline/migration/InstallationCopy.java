package dev.sightline.migration;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.export.EventCounts;
import dev.sightline.contract.export.EventExport;
import dev.sightline.contract.export.ExportedAnalysis;
import dev.sightline.contract.export.ExportedSession;
import dev.sightline.contract.export.MetadataExport;
import dev.sightline.contract.export.SessionDay;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.StoredChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies one installation into another (the embedded one into a cluster) in units, each recorded in
 * the {@link Checkpoint} once written, so a run that stops anywhere continues where it stopped:
 * <ol>
 *   <li>{@code metadata}: projects, accounts, memberships, invitations, API tokens, logins and the login
 *       audit, the erasure log, page groups, segments, funnels and notes ({@link MetadataCopy});</li>
 *   <li>{@code snapshots/<project>}: the heatmap backgrounds;</li>
 *   <li>{@code stylesheets/<project>}: the stylesheets recordings and snapshots refer to by hash;</li>
 *   <li>{@code sessions/<project>/<day>/<slice>}: up to {@link #SLICE} sessions started that day, their
 *       recording chunks, then their uploads (written again under their own keys) and keeps;</li>
 *   <li>{@code insights}: the analysis results, saved for each page view the target waits to analyse,
 *       so the target does not analyse the copied history again.</li>
 * </ol>
 * Every write replaces by key or skips what is stored (uploads by batch key), so repeating a unit that
 * was cut short stores nothing twice. Then {@link #verify} counts both sides.
 */
public final class InstallationCopy {

    /** Sessions per unit. */
    static final int SLICE = 500;
    /** Uploads per write into the target store. */
    private static final int BATCHES_PER_WRITE = 2_000;
    /** Later than any upload: every page view waiting for analysis is ready by it. */
    private static final Instant FAR_FUTURE = Instant.parse("9000-01-01T00:00:00Z");

    /** Where the data comes from: nothing may write it meanwhile. */
    public record Source(EventExport events, MetadataStore metadata, MetadataExport metadataExport,
                         RecordingStore recordings, PageSnapshotStore snapshots, StylesheetStore stylesheets) {
        public Source {
            requireNonNull(events, "events is null");
            requireNonNull(metadata, "metadata is null");
            requireNonNull(metadataExport, "metadataExport is null");
            requireNonNull(recordings, "recordings is null");
            requireNonNull(snapshots, "snapshots is null");
            requireNonNull(stylesheets, "stylesheets is null");
        }
    }

    public record Target(EventStore events, EventCounts counts, MetadataStore metadata, RecordingStore recordings,
                         PageSnapshotStore snapshots, StylesheetStore stylesheets) {
        public Target {
            requireNonNull(events, "events is null");
            requireNonNull(counts, "counts is null");
            requireNonNull(metadata, "metadata is null");
            requireNonNull(recordings, "recordings is null");
            requireNonNull(snapshots, "snapshots is null");
            requireNonNull(stylesheets, "stylesheets is null");
        }
    }

    /** Called with each unit written but not yet recorded as done: where a test interrupts a run. */
    @FunctionalInterface
    public interface UnitWritten {
        void written(String unit);
    }

    private record Unit(String id, long sessions, Runnable work) {
    }

    private final Source source;
    private final Target target;
    private final Checkpoint checkpoint;
    private final Progress progress;
    private final UnitWritten unitWritten;

    public InstallationCopy(Source source, Target target, Checkpoint checkpoint, Progress progress,
                            UnitWritten unitWritten) {
        this.source = requireNonNull(source, "source is null");
        this.target = requireNonNull(target, "target is null");
        this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.unitWritten = requireNonNull(unitWritten, "unitWritten is null");
    }

    /** Copies every unit not yet done. */
    public void copy() {
        List<Unit> units = plan();
        long sessions = units.stream().mapToLong(Unit::sessions).sum();
        progress.start(units.size(), sessions,
                (int) units.stream().filter(u -> checkpoint.isDone(u.id())).count(),
                units.stream().filter(u -> checkpoint.isDone(u.id())).mapToLong(Unit::sessions).sum());
        for (Unit unit : units) {
            if (checkpoint.isDone(unit.id())) {
                continue;
            }
            progress.phase(unit.id());
            unit.work().run();
            unitWritten.written(unit.id());
            checkpoint.finish(unit.id());
            progress.unitDone(unit.sessions());
        }
        progress.phase("copied");
        progress.finish();
    }

    private List<Unit> plan() {
        List<Unit> units = new ArrayList<>();
        MetadataCopy metadata = new MetadataCopy(source.metadata(), source.metadataExport(), target.metadata());
        units.add(new Unit("metadata", 0, () -> progress.copied(metadata.copy(), 0, 0)));
        for (Project project : source.metadata().projects()) {
            units.add(new Unit("snapshots/" + project.id(), 0, () -> copySnapshots(project.id())));
            units.add(new Unit("stylesheets/" + project.id(), 0, () -> copyStylesheets(project.id())));
        }
        Map<String, List<String>> idsOfDay = new HashMap<>();
        for (SessionDay day : source.events().days()) {
            for (int from = 0; from < day.sessions(); from += SLICE) {
                int start = from;
                int count = Math.min(SLICE, day.sessions() - from);
                String dayKey = day.projectId() + "/" + day.day();
                units.add(new Unit("sessions/" + dayKey + "/" + (from / SLICE), count, () -> {
                    if (!idsOfDay.containsKey(dayKey)) {
                        idsOfDay.clear();
                        idsOfDay.put(dayKey, source.events().sessionIds(day.projectId(), day.day()));
                    }
                    List<String> ids = idsOfDay.get(dayKey);
                    copySessions(day.projectId(), ids.subList(Math.min(start, ids.size()), Math.min(start + count, ids.size())));
                }));
            }
        }
        units.add(new Unit("insights", 0, this::copyInsights));
        return units;
    }

    private void copySnapshots(String projectId) {
        for (PageSnapshot snapshot : source.snapshots().list(projectId)) {
            byte[] bytes;
            try (InputStream in = source.snapshots().open(snapshot.key())) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the snapshot of " + snapshot.key(), e);
            }
            target.snapshots().put(snapshot, bytes);
            progress.copied(0, 1, bytes.length);
        }
    }

    private void copyStylesheets(String projectId) {
        for (String hash : source.stylesheets().hashes(projectId)) {
            byte[] css = source.stylesheets().find(projectId, hash)
                    .orElseThrow(() -> new IllegalStateException("stylesheet " + hash + " of project " + projectId
                            + " was listed but cannot be read"));
            target.stylesheets().putIfAbsent(projectId, hash, css);
            progress.copied(0, 1, css.length);
        }
    }

    private void copySessions(String projectId, List<String> ids) {
        List<ExportedSession> sessions = source.events().sessions(projectId, ids);
        for (ExportedSession session : sessions) {
            Map<dev.sightline.contract.store.ChunkKey, byte[]> chunks = new LinkedHashMap<>();
            long bytes = 0;
            for (StoredChunk chunk : source.recordings().list(projectId, session.sessionId(), session.recordingDays())) {
                try (InputStream in = source.recordings().open(chunk.key())) {
                    byte[] content = in.readAllBytes();
                    chunks.put(chunk.key(), content);
                    bytes += content.length;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the recording chunk " + chunk.key().path(), e);
                }
            }
            if (!chunks.isEmpty()) {
                target.recordings().putAll(chunks);
            }
            progress.copied(0, chunks.size(), bytes);
        }
        List<BatchRows> batches = sessions.stream().flatMap(s -> s.batches().stream()).toList();
        for (int from = 0; from < batches.size(); from += BATCHES_PER_WRITE) {
            List<BatchRows> part = batches.subList(from, Math.min(batches.size(), from + BATCHES_PER_WRITE));
            target.events().write(part);
            progress.copied(part.size() + part.stream().mapToLong(b -> b.events().size()).sum(), 0, 0);
        }
        for (ExportedSession session : sessions) {
            session.keptUntil().ifPresent(until -> target.events().privacy().keep(projectId, session.sessionId(), until));
        }
    }

    /**
     * Saves the source's results for each page view the target waits to analyse, with the target's own
     * mark count, which takes it off the target's list. A page view the source itself waits to analyse
     * again keeps waiting (saved with no marks read); one the source never analysed is left to the target.
     */
    private void copyInsights() {
        Set<String> left = new HashSet<>();
        Set<String> saved = new HashSet<>();
        while (true) {
            List<PendingPageView> pending = target.events().insights().pending(FAR_FUTURE, FAR_FUTURE, left.size() + SLICE);
            List<PendingPageView> fresh = pending.stream().filter(p -> !left.contains(key(p))).toList();
            if (fresh.isEmpty()) {
                return;
            }
            Map<String, Set<String>> sessionsByProject = new LinkedHashMap<>();
            fresh.forEach(p -> sessionsByProject.computeIfAbsent(p.projectId(), k -> new java.util.TreeSet<>()).add(p.sessionId()));
            Map<String, ExportedAnalysis> analyses = new HashMap<>();
            sessionsByProject.forEach((projectId, ids) -> source.events().analyses(projectId, List.copyOf(ids))
                    .forEach(a -> analyses.put(key(a.results().page()), a)));
            List<PageInsights> results = new ArrayList<>();
            for (PendingPageView page : fresh) {
                String key = key(page);
                ExportedAnalysis analysis = analyses.get(key);
                // Seen again after its save: something else marks it (a running cluster); leave it to that.
                if (analysis == null || !saved.add(key)) {
                    left.add(key);
                    continue;
                }
                PendingPageView read = analysis.awaitingAnalysis()
                        ? new PendingPageView(page.projectId(), page.sessionId(), page.pageNumber(), 0,
                        page.lastReceivedAt(), page.ended())
                        : page;
                if (analysis.awaitingAnalysis()) {
                    left.add(key);
                }
                PageInsights found = analysis.results();
                results.add(new PageInsights(read, found.startedAt(), found.pageKey(), found.deviceClass(), found.bot(),
                        found.scrollReversals(), found.events(), found.forms()));
            }
            if (!results.isEmpty()) {
                target.events().insights().save(results);
                progress.copied(results.stream().mapToLong(r -> 1 + r.events().size() + r.forms().size()).sum(), 0, 0);
            }
        }
    }

    private static String key(PendingPageView page) {
        return page.projectId() + "/" + page.sessionId() + "/" + page.pageNumber();
    }

    /** Counts every kind in both installations: events by {@link EventCounts}, recordings, snapshots and metadata. */
    public Verification verify() {
        progress.phase("verifying");
        List<Verification.Line> lines = new ArrayList<>(MetadataCopy.verify(source.metadata(), source.metadataExport(),
                target.metadata()));
        lines.addAll(Verification.of("", source.events().counts(), target.counts().counts()));
        long[] chunks = new long[4];
        for (SessionDay day : source.events().days()) {
            List<String> ids = source.events().sessionIds(day.projectId(), day.day());
            for (int from = 0; from < ids.size(); from += SLICE) {
                List<String> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
                source.events().recordingDays(day.projectId(), slice).forEach((sessionId, days) -> {
                    for (StoredChunk chunk : source.recordings().list(day.projectId(), sessionId, days)) {
                        chunks[0]++;
                        chunks[1] += chunk.compressedBytes();
                    }
                    for (StoredChunk chunk : target.recordings().list(day.projectId(), sessionId, days)) {
                        chunks[2]++;
                        chunks[3] += chunk.compressedBytes();
                    }
                });
            }
        }
        lines.add(new Verification.Line("recording_chunks", chunks[0], chunks[2]));
        lines.add(new Verification.Line("recording_bytes", chunks[1], chunks[3]));
        long[] assets = new long[4];
        for (Project project : source.metadata().projects()) {
            assets[0] += source.snapshots().list(project.id()).size();
            assets[1] += target.snapshots().list(project.id()).size();
            assets[2] += source.stylesheets().hashes(project.id()).size();
            assets[3] += target.stylesheets().hashes(project.id()).size();
        }
        lines.add(new Verification.Line("page_snapshots", assets[0], assets[1]));
        lines.add(new Verification.Line("stylesheets", assets[2], assets[3]));
        progress.finish();
        return new Verification(lines);
    }
}
