package dev.sightline.erasure;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ErasureRecord;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/erasures}: a project's admins erase a person's data (a visitor id,
 * or a user id as given to {@code identify}, or its hash), see beforehand how many sessions that is,
 * and list past erasures.
 */
public final class ErasureRoutes implements Routes {

    record ErasureRequest(String visitorId, String userId, String userHash) {
    }

    private final ErasureService erasures;
    private final MetadataStore metadata;
    private final JsonBodies bodies;

    public ErasureRoutes(ErasureService erasures, MetadataStore metadata, JsonBodies bodies) {
        this.erasures = erasures;
        this.metadata = metadata;
        this.bodies = bodies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/erasures", ctx -> ctx.json(metadata.security()
                .erasures(RouteGuard.project(ctx).id()).stream().map(this::view).toList()), RouteAccess.PROJECT_ADMIN);
        routes.post("/api/projects/{projectId}/erasures/preview", ctx -> {
            ErasureSubject subject = subject(bodies.read(ctx, ErasureRequest.class));
            ctx.json(Map.of("sessions", erasures.sessionsOf(RouteGuard.project(ctx).id(), subject).size()));
        }, RouteAccess.PROJECT_ADMIN);
        routes.post("/api/projects/{projectId}/erasures", this::erase, RouteAccess.PROJECT_ADMIN);
    }

    private void erase(Context ctx) throws InterruptedException {
        ErasureSubject subject = subject(bodies.read(ctx, ErasureRequest.class));
        ErasureRecord record = erasures.erase(RouteGuard.project(ctx).id(), subject,
                SignedInRequests.of(ctx).account().id());
        ctx.status(201).json(view(record));
    }

    private static ErasureSubject subject(ErasureRequest request) {
        return ErasureSubject.of(request.visitorId(), request.userId(), request.userHash());
    }

    private Map<String, Object> view(ErasureRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("subjectKind", record.subjectKind().name());
        view.put("subjectHint", record.subjectHint());
        view.put("sessionsDeleted", record.sessionsDeleted());
        view.put("requestedBy", metadata.account(record.requestedBy()).map(Account::email).orElse(null));
        view.put("at", record.at().toEpochMilli());
        return view;
    }
}
