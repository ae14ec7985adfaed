package dev.sightline.web;

import dev.sightline.contract.ingest.IngestLog;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** {@code GET /health}: whether the process serves, and how far processing is behind collect. */
public final class HealthRoutes implements Routes {
    private final IngestLog log;
    private final LongSupplier processed;

    public HealthRoutes(IngestLog log, LongSupplier processed) {
        this.log = log;
        this.processed = processed;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", "ok");
            health.put("ingestLag", log.lag());
            health.put("processedBatches", processed.getAsLong());
            ctx.json(health);
        }, RouteAccess.PUBLIC);
    }
}
