package dev.sightline.web;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /ready}: whether every engine this process depends on answers, one line each — for a
 * load balancer's or orchestrator's readiness probe ({@code /health} only says the process serves).
 * Answers 200 when all are up, 503 naming the ones that are not. Each check runs on its own thread
 * and counts as down past {@link #TIMEOUT}, so one hung engine cannot hold the probe.
 */
public final class ReadinessRoutes implements Routes, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** One engine: a name for people, what runs it, and a cheap real request to it. */
    public record Dependency(String name, String backend, Runnable check) {
        public Dependency {
            requireNonNull(name, "name is null");
            requireNonNull(backend, "backend is null");
            requireNonNull(check, "check is null");
        }
    }

    private final List<Dependency> dependencies;
    private final Map<String, ExecutorService> threads = new LinkedHashMap<>();

    public ReadinessRoutes(List<Dependency> dependencies) {
        this.dependencies = List.copyOf(dependencies);
        for (Dependency dependency : this.dependencies) {
            threads.put(dependency.name(), Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "readiness-" + dependency.name());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ready", ctx -> {
            List<Map<String, Object>> answers = check();
            boolean ready = answers.stream().allMatch(a -> a.get("status").equals("up"));
            ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "not ready", "dependencies", answers));
        }, RouteAccess.PUBLIC);
    }

    private List<Map<String, Object>> check() throws InterruptedException {
        Map<Dependency, Future<?>> running = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (Dependency dependency : dependencies) {
            running.put(dependency, threads.get(dependency.name()).submit(dependency.check()));
        }
        long deadline = started + TIMEOUT.toNanos();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Map.Entry<Dependency, Future<?>> entry : running.entrySet()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", entry.getKey().name());
            answer.put("backend", entry.getKey().backend());
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                answer.put("status", "up");
            } catch (ExecutionException e) {
                answer.put("status", "down");
                answer.put("error", String.valueOf(e.getCause().getMessage()));
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                answer.put("status", "down");
                answer.put("error", "no answer within " + TIMEOUT.toSeconds() + " s");
            }
            answers.add(answer);
        }
        return answers;
    }

    @Override
    public void close() {
        threads.values().forEach(ExecutorService::shutdownNow);
    }
}
