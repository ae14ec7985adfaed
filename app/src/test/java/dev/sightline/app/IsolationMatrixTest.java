package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.meta.Role;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the server registers (read from Javalin, so routes added later are covered without
 * touching this test) against every kind of caller: the owner, an admin of another project, a viewer
 * and a member of the project, anonymous, a made-up token, the project's own API token and another
 * project's. Each route's declared {@link RouteAccess} says what each caller must get; a refused call
 * must leave the resource it aimed at in place; and nothing of one project may appear in an answer to
 * a caller of another, even when they name the first project's ids under their own project.
 *
 * <p>A route with a path parameter this test has no sample for fails the test: add one to
 * {@link #samples}.
 */
class IsolationMatrixTest {
    private static final Set<String> GUARD_CODES = Set.of("unauthenticated", "bad_token", "token_scope", "owner_only",
            "role", "csrf", "json_required");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}|\\*");
    private static final String SESSION_A = "isolation-session-a";
    private static final String SESSION_B = "isolation-session-b";

    @TempDir
    static Path data;
    static Sightline sightline;
    static String base;
    static Team team;
    static String projectA;
    static String projectB;
    static String siteKeyA;
    static final AtomicInteger counter = new AtomicInteger();

    enum Kind { OWNER, ACCOUNT, ANONYMOUS, BAD_TOKEN, TOKEN_A, TOKEN_B }

    /** A caller; accounts sign in afresh for every request that changes something (logout ends a login). */
    record Caller(String name, Kind kind, Optional<Role> roleInA, Supplier<Http> forReading, Supplier<Http> forWriting) {
        Http.Response send(String method, String path) {
            Http http = method.equals("GET") ? forReading.get() : forWriting.get();
            return http.send(method, path, method.equals("GET") ? null : "");
        }
    }

    enum Expect { ALLOWED, UNAUTHENTICATED, FORBIDDEN, HIDDEN }

    /** A path parameter's value for a request, and whether what it names survived a refused request. */
    record Sample(String value, Supplier<Boolean> stillThere) {
        static Sample fixed(String value) {
            return new Sample(value, () -> true);
        }
    }

    static final List<Caller> callers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withSourceRate(100_000));
        base = "http://localhost:" + sightline.start();
        team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
        JsonNode a = team.project("Project A");
        JsonNode b = team.project("Project B");
        projectA = a.get("id").asText();
        projectB = b.get("id").asText();
        siteKeyA = a.get("siteKey").asText();
        upload(siteKeyA, SESSION_A);
        upload(b.get("siteKey").asText(), SESSION_B);
        assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();

        team.newMember(projectA, "viewer-a@example.com", "VIEWER");
        team.newMember(projectA, "member-a@example.com", "MEMBER");
        team.newMember(projectB, "admin-b@example.com", "ADMIN");
        String tokenA = team.token(projectA, "export A").get("token").asText();
        String tokenB = team.token(projectB, "export B").get("token").asText();

        callers.add(account("owner", Kind.OWNER, "owner@example.com", Role.ADMIN));
        callers.add(account("admin of another project", Kind.ACCOUNT, "admin-b@example.com", null));
        callers.add(account("viewer", Kind.ACCOUNT, "viewer-a@example.com", Role.VIEWER));
        callers.add(account("member", Kind.ACCOUNT, "member-a@example.com", Role.MEMBER));
        callers.add(new Caller("anonymous", Kind.ANONYMOUS, Optional.empty(), () -> new Http(base), () -> new Http(base)));
        Supplier<Http> bad = () -> new Http(base).bearer("slt_made-up-token-of-32-characters_");
        callers.add(new Caller("bad token", Kind.BAD_TOKEN, Optional.empty(), bad, bad));
        Supplier<Http> withTokenA = () -> new Http(base).bearer(tokenA);
        callers.add(new Caller("project's API token", Kind.TOKEN_A, Optional.empty(), withTokenA, withTokenA));
        Supplier<Http> withTokenB = () -> new Http(base).bearer(tokenB);
        callers.add(new Caller("other project's API token", Kind.TOKEN_B, Optional.empty(), withTokenB, withTokenB));
    }

    private static Caller account(String name, Kind kind, String email, Role roleInA) {
        Http reading = new Http(base).signIn(email, Team.PASSWORD);
        return new Caller(name, kind, Optional.ofNullable(roleInA), () -> reading,
                () -> new Http(base).signIn(email, Team.PASSWORD));
    }

    /** An upload of page 1 that brings its stylesheet (text named by the session, so each project's differs). */
    private static void upload(String siteKey, String sessionId) {
        ObjectNode upload = Uploads.upload(siteKey, sessionId, 1, 0);
        upload.putObject("css").put(stylesheetHash(sessionId), stylesheet(sessionId));
        Http.Response response = new Http(base).postBytes("/collect", Uploads.bytes(upload), null);
        Team.require(response, 200);
    }

    private static String stylesheet(String sessionId) {
        return ".from-" + sessionId + " { color: #123456 }\n";
    }

    private static String stylesheetHash(String sessionId) {
        return StylesheetHashes.of(stylesheet(sessionId).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    @Test
    void everyRouteDeclaresItsAccessLevel() {
        List<String> undeclared = sightline.routes().stream().filter(r -> !r.declared())
                .map(r -> r.method() + " " + r.path()).toList();

        assertThat(undeclared).as("routes without a RouteAccess (add one where the route is added)").isEmpty();
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsAccessLevelSaysAndARefusedCallChangesNothing() {
        List<WebServer.Route> routes = sightline.routes();
        assertThat(routes).as("the routes of the foundation and of this feature at least").hasSizeGreaterThan(25);
        List<String> failures = new ArrayList<>();
        for (WebServer.Route route : routes) {
            for (Caller caller : callers) {
                Map<String, Sample> used = new LinkedHashMap<>();
                String path = fill(route.path(), projectA, used, failures);
                if (path == null) {
                    continue;
                }
                Expect expected = expect(caller, route);
                Http.Response response = caller.send(route.method(), path);
                if (!meets(expected, response, route)) {
                    failures.add(String.format("%-6s %-70s %-26s expected %-15s got %d %s", route.method(), route.path(),
                            caller.name(), expected, response.status(), abbreviate(response.body())));
                }
                if (expected != Expect.ALLOWED) {
                    used.forEach((name, sample) -> {
                        if (!sample.stillThere().get()) {
                            failures.add(route.method() + " " + route.path() + " by " + caller.name()
                                    + " was refused but removed {" + name + "}");
                        }
                    });
                }
                if (caller.kind() == Kind.TOKEN_B || caller.name().equals("admin of another project")) {
                    assertNothingOfProjectA(route, caller, response, failures);
                }
            }
        }
        assertThat(failures).as("routes answering a caller against their declared access level").isEmpty();
    }

    @Test
    void idsOfOneProjectNamedUnderAnotherFindNothingAndChangeNothing() {
        Caller adminOfB = callers.stream().filter(c -> c.name().equals("admin of another project")).findFirst().orElseThrow();
        Caller tokenOfB = callers.stream().filter(c -> c.kind() == Kind.TOKEN_B).findFirst().orElseThrow();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (WebServer.Route route : sightline.routes()) {
            boolean projectRoute = route.path().contains("{projectId}");
            boolean namesMore = PARAMETER.matcher(route.path().replace("{projectId}", "")).find();
            if (!projectRoute || !namesMore) {
                continue;
            }
            for (Caller caller : List.of(adminOfB, tokenOfB)) {
                Map<String, Sample> used = new LinkedHashMap<>();
                String filled = fill(route.path(), projectA, used, failures);
                if (filled == null) {
                    continue;
                }
                String path = filled.replace("/api/projects/" + projectA + "/", "/api/projects/" + projectB + "/");
                Http.Response response = caller.send(route.method(), path);
                checked++;
                boolean nothingFound = route.method().equals("GET")
                        ? response.status() == 404 || response.status() == 403 && caller.kind() == Kind.TOKEN_B
                        || route.path().endsWith("/keep") && !response.json().get("kept").asBoolean()
                        : response.status() >= 400;
                if (!nothingFound) {
                    failures.add(route.method() + " " + path + " by " + caller.name() + " answered " + response.status()
                            + " " + abbreviate(response.body()));
                }
                used.forEach((name, sample) -> {
                    if (!sample.stillThere().get()) {
                        failures.add(route.method() + " " + path + " by " + caller.name() + " removed {" + name + "} of A");
                    }
                });
                assertNothingOfProjectA(route, caller, response, failures);
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    private static Expect expect(Caller caller, WebServer.Route route) {
        RouteAccess level = route.access();
        if (level == RouteAccess.PUBLIC) {
            return Expect.ALLOWED;
        }
        boolean read = route.method().equals("GET");
        return switch (caller.kind()) {
            case ANONYMOUS, BAD_TOKEN -> Expect.UNAUTHENTICATED;
            case TOKEN_A -> level == RouteAccess.PROJECT_READ && read ? Expect.ALLOWED : Expect.FORBIDDEN;
            case TOKEN_B -> level == RouteAccess.PROJECT_READ && read ? Expect.HIDDEN : Expect.FORBIDDEN;
            case OWNER -> Expect.ALLOWED;
            case ACCOUNT -> {
                if (level == RouteAccess.SIGNED_IN) {
                    yield Expect.ALLOWED;
                }
                if (level == RouteAccess.OWNER) {
                    yield Expect.FORBIDDEN;
                }
                Role needed = level.projectRole().orElseThrow();
                yield caller.roleInA().map(role -> role.atLeast(needed) ? Expect.ALLOWED : Expect.FORBIDDEN)
                        .orElse(Expect.HIDDEN);
            }
        };
    }

    private static boolean meets(Expect expected, Http.Response response, WebServer.Route route) {
        String code = errorCode(response);
        return switch (expected) {
            case ALLOWED -> response.status() < 500 && !GUARD_CODES.contains(code)
                    && (route.access() == RouteAccess.PUBLIC || response.status() != 404);
            case UNAUTHENTICATED -> response.status() == 401;
            case FORBIDDEN -> response.status() == 403;
            case HIDDEN -> response.status() == 404;
        };
    }

    private static String errorCode(Http.Response response) {
        if (response.status() < 400 || !response.body().startsWith("{")) {
            return "";
        }
        JsonNode error = response.json().get("error");
        return error == null ? "" : error.asText();
    }

    private static void assertNothingOfProjectA(WebServer.Route route, Caller caller, Http.Response response,
                                                List<String> failures) {
        for (String marker : List.of(projectA, SESSION_A, siteKeyA, "viewer-a@example.com", "member-a@example.com")) {
            if (response.body().contains(marker)) {
                failures.add(route.method() + " " + route.path() + " showed " + caller.name() + " '" + marker
                        + "' of project A: " + abbreviate(response.body()));
            }
        }
    }

    /** The route's path with every parameter replaced by a sample of the project; null when one has none. */
    private static String fill(String pattern, String projectId, Map<String, Sample> used, List<String> failures) {
        Matcher matcher = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) == null ? "*" : matcher.group(1);
            Function<String, Sample> sample = samples().get(name);
            if (sample == null) {
                failures.add("no sample value for {" + name + "} in " + pattern + "; add one to IsolationMatrixTest.samples");
                return null;
            }
            Sample value = sample.apply(projectId);
            used.put(name, value);
            matcher.appendReplacement(path, Matcher.quoteReplacement(value.value()));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** Values for path parameters, by name; ids of things a request could delete are made fresh each time. */
    private static Map<String, Function<String, Sample>> samples() {
        Map<String, Function<String, Sample>> samples = new LinkedHashMap<>();
        samples.put("projectId", Sample::fixed);
        samples.put("sessionId", projectId -> Sample.fixed(SESSION_A));
        samples.put("page", projectId -> Sample.fixed("1"));
        samples.put("seq", projectId -> Sample.fixed("0"));
        samples.put("hash", projectId -> Sample.fixed(stylesheetHash(SESSION_A)));
        samples.put("*", projectId -> Sample.fixed("x"));
        samples.put("secret", projectId -> Sample.fixed("no-such-invitation"));
        samples.put("tokenId", projectId -> {
            String id = team.token(projectId, "sample " + counter.incrementAndGet()).get("id").asText();
            return new Sample(id, () -> listed("/api/projects/" + projectId + "/tokens", "id", id));
        });
        samples.put("accountId", projectId -> {
            String email = "sample-" + counter.incrementAndGet() + "@example.com";
            team.newMember(projectId, email, "VIEWER");
            String id = team.addMember(projectId, email, "VIEWER");
            return new Sample(id, () -> listed("/api/projects/" + projectId + "/members", "accountId", id));
        });
        samples.put("inviteId", projectId -> {
            Http.Response response = team.owner().postJson("/api/projects/" + projectId + "/members",
                    "{\"email\":\"invited-" + counter.incrementAndGet() + "@example.com\",\"role\":\"VIEWER\"}");
            Team.require(response, 201);
            String id = response.json().get("invite").get("id").asText();
            return new Sample(id, () -> listed("/api/projects/" + projectId + "/invites", "id", id));
        });
        samples.put("segmentId", projectId -> saved(projectId, "segments", "{\"name\":\"Phones\",\"filters\":[\"device:equals:mobile\"]}"));
        samples.put("funnelId", projectId -> saved(projectId, "funnels", "{\"name\":\"Cart\",\"steps\":[\"page:contains:/cart\"]}"));
        samples.put("groupId", projectId -> {
            Http.Response response = team.owner().postJson("/api/projects/" + projectId + "/heatmaps/groups",
                    "{\"name\":\"Sample\",\"pattern\":\"/sample-" + counter.incrementAndGet() + "/*\"}");
            Team.require(response, 201);
            String id = response.json().get("id").asText();
            return new Sample(id, () -> listed("/api/projects/" + projectId + "/heatmaps/groups", "id", id));
        });
        return samples;
    }

    /** A segment or funnel made by the owner, and whether it is still listed. */
    private static Sample saved(String projectId, String kind, String json) {
        Http.Response response = team.owner().postJson("/api/projects/" + projectId + "/" + kind, json);
        Team.require(response, 201);
        String id = response.json().get("id").asText();
        return new Sample(id, () -> listed("/api/projects/" + projectId + "/" + kind, "id", id));
    }

    private static boolean listed(String path, String field, String id) {
        for (JsonNode item : team.owner().get(path).json()) {
            if (item.get(field).asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }
}
