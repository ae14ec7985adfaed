package dev.sightline.app;

import dev.sightline.insights.InsightSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of a Sightline process, with its default. Settings come from environment variables
 * ({@code SIGHTLINE_PORT=9000}) and are overridden by command-line flags ({@code --port 9000}); the
 * README lists them all.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one
 * @param dataDir where the embedded stores keep everything (DuckDB files, recordings, the ingest log)
 * @param demo serve the demo site and create its project
 * @param publicUrl the address browsers use, when it differs from what requests say (behind a proxy)
 * @param geoipDatabase a MaxMind-format country database for country lookups
 * @param perSourceUploadsPerSecond uploads a second one client address may send
 * @param perProjectUploadsPerSecond uploads a second one project may receive
 * @param trustForwardedFor take client addresses from X-Forwarded-For (only behind a trusted proxy)
 * @param pageKeyParameters query parameters kept when URLs are grouped into pages
 * @param insights thresholds of insight detection and when it runs (flags in {@link InsightSettings#FLAGS})
 * @param backends the engines behind the ingest log and the recordings (embedded by default)
 */
public record SightlineConfig(String host, int port, Path dataDir, boolean demo, Optional<String> publicUrl,
                              Optional<Path> geoipDatabase, double perSourceUploadsPerSecond,
                              double perProjectUploadsPerSecond, boolean trustForwardedFor,
                              Set<String> pageKeyParameters, InsightSettings insights, Backends backends) {

    public static SightlineConfig defaults() {
        return new SightlineConfig("0.0.0.0", 8080, Path.of("data"), false, Optional.empty(), Optional.empty(),
                50, 5_000, false, Set.of(), InsightSettings.DEFAULTS, Backends.EMBEDDED);
    }

    /** Defaults, then environment variables, then command-line flags. */
    public static SightlineConfig from(Map<String, String> env, List<String> args) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("SIGHTLINE_")) {
                values.put(name.substring("SIGHTLINE_".length()).toLowerCase().replace('_', '-'), value);
            }
        });
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.contains("=")) {
                values.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (name.equals("demo") || name.equals("trust-forwarded-for")) {
                values.put(name, "true");
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        SightlineConfig d = defaults();
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(List.of("host", "port", "data", "demo", "public-url", "geoip", "source-rate", "project-rate",
                "trust-forwarded-for", "page-parameters"));
        unknown.removeAll(InsightSettings.FLAGS);
        unknown.removeAll(Backends.FLAGS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s): " + unknown);
        }
        return new SightlineConfig(
                values.getOrDefault("host", d.host()),
                integer(values, "port", d.port()),
                values.containsKey("data") ? Path.of(values.get("data")) : d.dataDir(),
                Boolean.parseBoolean(values.getOrDefault("demo", Boolean.toString(d.demo()))),
                Optional.ofNullable(values.get("public-url")),
                Optional.ofNullable(values.get("geoip")).map(Path::of),
                decimal(values, "source-rate", d.perSourceUploadsPerSecond()),
                decimal(values, "project-rate", d.perProjectUploadsPerSecond()),
                Boolean.parseBoolean(values.getOrDefault("trust-forwarded-for", "false")),
                values.containsKey("page-parameters")
                        ? Set.of(values.get("page-parameters").split(",")) : d.pageKeyParameters(),
                InsightSettings.from(values),
                Backends.from(values));
    }

    public SightlineConfig withPort(int newPort) {
        return new SightlineConfig(host, newPort, dataDir, demo, publicUrl, geoipDatabase, perSourceUploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, insights, backends);
    }

    public SightlineConfig withDataDir(Path dir) {
        return new SightlineConfig(host, port, dir, demo, publicUrl, geoipDatabase, perSourceUploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, insights, backends);
    }

    public SightlineConfig withDemo(boolean on) {
        return new SightlineConfig(host, port, dataDir, on, publicUrl, geoipDatabase, perSourceUploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, insights, backends);
    }

    public SightlineConfig withSourceRate(double uploadsPerSecond) {
        return new SightlineConfig(host, port, dataDir, demo, publicUrl, geoipDatabase, uploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, insights, backends);
    }

    public SightlineConfig withInsights(InsightSettings settings) {
        return new SightlineConfig(host, port, dataDir, demo, publicUrl, geoipDatabase, perSourceUploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, settings, backends);
    }

    public SightlineConfig withBackends(Backends engines) {
        return new SightlineConfig(host, port, dataDir, demo, publicUrl, geoipDatabase, perSourceUploadsPerSecond,
                perProjectUploadsPerSecond, trustForwardedFor, pageKeyParameters, insights, engines);
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        try {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    private static double decimal(Map<String, String> values, String name, double fallback) {
        try {
            return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number");
        }
    }
}
