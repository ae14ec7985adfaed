package dev.sightline.dashboard;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.http.HttpProblem;
import dev.sightline.retention.RetentionPolicy;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code /api/projects/{projectId}/sessions/{sessionId}/note}: a recording's favourite, labels and
 * note. A favourited or labelled recording is kept {@link RetentionPolicy#KEPT_DAYS} days (13 months)
 * from its start, past the project's retention; taking both away lets it follow retention again.
 */
public final class NoteRoutes implements Routes {
    static final int MAX_LABELS = 10;
    static final int MAX_LABEL = 40;
    static final int MAX_NOTE = 2_000;

    record NoteForm(Boolean favourite, List<String> labels, String note) {
    }

    private final DashboardStore store;
    private final EventStore events;
    private final JsonBodies bodies;
    private final Clock clock;

    public NoteRoutes(DashboardStore store, EventStore events, JsonBodies bodies, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.events = requireNonNull(events, "events is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String path = "/api/projects/{projectId}/sessions/{sessionId}/note";
        routes.get(path, ctx -> {
            String projectId = RouteGuard.project(ctx).id();
            String sessionId = ctx.pathParam("sessionId");
            events.session(projectId, sessionId).orElseThrow(() -> HttpProblem.notFound("session"));
            ctx.json(store.note(projectId, sessionId).orElse(new RecordingNote(projectId, sessionId, false, List.of(),
                    "", "", java.time.Instant.EPOCH)));
        }, RouteAccess.PROJECT_READ);
        routes.put(path, this::save, RouteAccess.PROJECT_MEMBER);
    }

    private void save(Context ctx) {
        String projectId = RouteGuard.project(ctx).id();
        String sessionId = ctx.pathParam("sessionId");
        SessionDetail session = events.session(projectId, sessionId).orElseThrow(() -> HttpProblem.notFound("session"));
        NoteForm form = bodies.read(ctx, NoteForm.class);
        String text = form.note() == null ? "" : form.note().strip();
        if (text.length() > MAX_NOTE) {
            throw HttpProblem.badRequest("invalid_note", "a note has at most " + MAX_NOTE + " characters");
        }
        RecordingNote note = new RecordingNote(projectId, sessionId, Boolean.TRUE.equals(form.favourite()),
                labels(form.labels()), text, SavedViewRoutes.caller(ctx), clock.instant());
        store.saveNote(note);
        if (note.keeps()) {
            events.privacy().keep(projectId, sessionId,
                    session.summary().startedAt().plus(Duration.ofDays(RetentionPolicy.KEPT_DAYS)));
        } else {
            events.privacy().release(projectId, sessionId);
        }
        ctx.json(note);
    }

    private static List<String> labels(List<String> given) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (String label : given == null ? List.<String>of() : given) {
            String trimmed = label == null ? "" : label.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL) {
                throw HttpProblem.badRequest("invalid_label", "a label has 1.." + MAX_LABEL + " characters");
            }
            labels.add(trimmed);
        }
        if (labels.size() > MAX_LABELS) {
            throw HttpProblem.badRequest("invalid_labels", "a recording has at most " + MAX_LABELS + " labels");
        }
        return new ArrayList<>(labels);
    }
}
