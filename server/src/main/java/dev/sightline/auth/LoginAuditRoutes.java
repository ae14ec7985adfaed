package dev.sightline.auth;

import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.SecurityStore;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/audit/logins}: the login audit, newest first, for the owner of the installation. */
public final class LoginAuditRoutes implements Routes {
    private static final int MAX_LIMIT = 1000;

    private final SecurityStore store;

    public LoginAuditRoutes(SecurityStore store) {
        this.store = store;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/audit/logins", ctx -> {
            int limit = limit(ctx.queryParam("limit"));
            ctx.json(store.logins(limit).stream().map(LoginAuditRoutes::view).toList());
        }, RouteAccess.OWNER);
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return 200;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw HttpProblem.badRequest("invalid_limit", "limit must be within 1.." + MAX_LIMIT);
    }

    private static Map<String, Object> view(LoginEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", event.at().toEpochMilli());
        view.put("email", event.email());
        view.put("kind", event.kind().name());
        view.put("clientAddress", event.clientAddress());
        view.put("userAgent", event.userAgent());
        return view;
    }
}
