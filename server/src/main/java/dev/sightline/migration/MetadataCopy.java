package dev.sightline.migration;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ErasureRecord;
import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.LoginSession;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.SecurityStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies every metadata record through the stores' own saves, each of which inserts or replaces by key;
 * the two append-only logs (login audit, erasure log) skip the entries the target has already, so a
 * second copy adds nothing.
 */
final class MetadataCopy {

    private final MetadataStore source;
    private final dev.sightline.contract.export.MetadataExport export;
    private final MetadataStore target;

    MetadataCopy(MetadataStore source, dev.sightline.contract.export.MetadataExport export, MetadataStore target) {
        this.source = requireNonNull(source, "source is null");
        this.export = requireNonNull(export, "export is null");
        this.target = requireNonNull(target, "target is null");
    }

    /** Returns how many records it wrote. */
    long copy() {
        long written = 0;
        List<Project> projects = source.projects();
        for (Project project : projects) {
            target.saveProject(project);
            written++;
        }
        for (Account account : export.accounts()) {
            target.saveAccount(account);
            written++;
            for (var membership : source.memberships(account.id())) {
                target.saveMembership(membership);
                written++;
            }
        }
        SecurityStore from = source.security();
        SecurityStore to = target.security();
        DashboardStore fromDashboards = source.dashboards();
        DashboardStore toDashboards = target.dashboards();
        for (Project project : projects) {
            String id = project.id();
            for (var invite : from.invites(id)) {
                to.saveInvite(invite);
                written++;
            }
            for (var token : from.apiTokens(id)) {
                to.saveApiToken(token);
                written++;
            }
            Set<String> erased = new HashSet<>(to.erasures(id).stream().map(ErasureRecord::id).toList());
            for (ErasureRecord erasure : oldestFirst(from.erasures(id))) {
                if (erased.add(erasure.id())) {
                    to.recordErasure(erasure);
                    written++;
                }
            }
            for (var group : source.pageGroups(id)) {
                target.savePageGroup(group);
                written++;
            }
            for (var segment : fromDashboards.segments(id)) {
                toDashboards.saveSegment(segment);
                written++;
            }
            for (var funnel : fromDashboards.funnels(id)) {
                toDashboards.saveFunnel(funnel);
                written++;
            }
            for (RecordingNote note : export.notes(id)) {
                toDashboards.saveNote(note);
                written++;
            }
        }
        for (LoginSession session : export.loginSessions()) {
            target.saveLoginSession(session);
            written++;
        }
        Set<LoginEvent> logged = new HashSet<>(to.logins(Integer.MAX_VALUE));
        for (LoginEvent event : oldestFirst(from.logins(Integer.MAX_VALUE))) {
            if (logged.add(event)) {
                to.recordLogin(event);
                written++;
            }
        }
        return written;
    }

    /** Each kind counted in both stores: the target's count is of what it holds, not of what was written. */
    static List<Verification.Line> verify(MetadataStore source, dev.sightline.contract.export.MetadataExport export,
                                          MetadataStore target) {
        List<Project> projects = source.projects();
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("projects", new long[] {projects.size(), projects.stream().filter(p -> target.project(p.id()).isPresent()).count()});
        counts.put("accounts", new long[] {export.accounts().size(), target.accountCount()});
        perProject(counts, "memberships", projects, p -> (long) source.security().members(p).size(),
                p -> (long) target.security().members(p).size());
        perProject(counts, "invites", projects, p -> (long) source.security().invites(p).size(),
                p -> (long) target.security().invites(p).size());
        perProject(counts, "api_tokens", projects, p -> (long) source.security().apiTokens(p).size(),
                p -> (long) target.security().apiTokens(p).size());
        perProject(counts, "erasures", projects, p -> (long) source.security().erasures(p).size(),
                p -> (long) target.security().erasures(p).size());
        perProject(counts, "page_groups", projects, p -> (long) source.pageGroups(p).size(),
                p -> (long) target.pageGroups(p).size());
        perProject(counts, "segments", projects, p -> (long) source.dashboards().segments(p).size(),
                p -> (long) target.dashboards().segments(p).size());
        perProject(counts, "funnels", projects, p -> (long) source.dashboards().funnels(p).size(),
                p -> (long) target.dashboards().funnels(p).size());
        perProject(counts, "notes", projects, p -> (long) export.notes(p).size(),
                p -> (long) target.dashboards().notes(p, export.notes(p).stream().map(RecordingNote::sessionId).toList()).size());
        List<LoginSession> logins = export.loginSessions();
        counts.put("login_sessions", new long[] {logins.size(),
                logins.stream().filter(l -> target.loginSession(l.tokenHash()).isPresent()).count()});
        counts.put("login_events", new long[] {source.security().logins(Integer.MAX_VALUE).size(),
                target.security().logins(Integer.MAX_VALUE).size()});
        List<Verification.Line> lines = new ArrayList<>();
        counts.forEach((kind, pair) -> lines.add(new Verification.Line(kind, pair[0], pair[1])));
        return lines;
    }

    /** The logs list newest first; copied oldest first, they keep their order wherever order is by arrival. */
    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> reversed = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static void perProject(Map<String, long[]> counts, String kind, List<Project> projects,
                                   Function<String, Long> source, Function<String, Long> target) {
        long[] pair = new long[2];
        for (Project project : projects) {
            pair[0] += source.apply(project.id());
            pair[1] += target.apply(project.id());
        }
        counts.put(kind, pair);
    }
}
