package dev.sightline.app;

import java.net.BindException;
import java.util.Arrays;
import java.util.List;

/** {@code sightline start [--demo] [--port N] [--data DIR] …}: starts Sightline and says where it serves. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.get(0).equals("help") || arguments.contains("--help")) {
            usage();
            return;
        }
        if (arguments.get(0).equals("migrate")) {
            System.exit(MigrateCommand.run(System.getenv(), arguments.subList(1, arguments.size()), System.out, System.err));
        }
        if (!arguments.get(0).equals("start")) {
            System.err.println("unknown command '" + arguments.get(0) + "'");
            usage();
            System.exit(2);
        }
        SightlineConfig config;
        try {
            config = SightlineConfig.from(System.getenv(), arguments.subList(1, arguments.size()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        System.out.println("Starting Sightline" + (config.role() == NodeRole.ALL ? "" : " as a " + config.role().name().toLowerCase(java.util.Locale.ROOT) + " node")
                + " (data in " + config.dataDir().toAbsolutePath() + ") …");
        Sightline sightline;
        try {
            sightline = new Sightline(config);
        } catch (RuntimeException e) {
            System.err.println("Sightline cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        int port;
        try {
            port = sightline.start();
        } catch (RuntimeException e) {
            sightline.close();
            if (causedBy(e, BindException.class)) {
                System.err.println("Port " + config.port() + " is in use. Start with --port <another port>.");
                System.exit(1);
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sightline::close, "shutdown"));
        String address = config.publicUrl().orElse("http://localhost:" + port);
        System.out.println();
        System.out.println("  Sightline is running at " + address);
        if (config.demo()) {
            System.out.println("  Demo site:              " + address + "/demo/");
            System.out.println("  Open the dashboard, create your account, then visit the demo site and");
            System.out.println("  watch your own visit under Recordings a few seconds later.");
        }
        System.out.println("  Stop with Ctrl+C.");
        System.out.println();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void usage() {
        System.out.println("""
                usage: sightline start [--demo] [--port 8080] [--host 0.0.0.0] [--data ./data]
                                       [--public-url https://sightline.example.com] [--geoip GeoLite2-Country.mmdb]
                                       [--source-rate 50] [--project-rate 5000] [--trust-forwarded-for]
                                       [--page-parameters id,variant]
                                       [insight thresholds: --rage-click-count 3 --dead-click-window-ms 2500 … (docs/insights.md)]
                                       [--ingest local|kafka --kafka-bootstrap host:9092 [--kafka-topic sightline.uploads]
                                        [--kafka-partitions 12] [--kafka-replication 1]]
                                       [--recordings disk|s3 --s3-bucket B [--s3-endpoint http://minio:9000] [--s3-region us-east-1]
                                        [--s3-prefix recordings/] [--s3-path-style true] [--s3-access-key K --s3-secret-key S]]
                                       [--storage duckdb|clickhouse --clickhouse-url http://clickhouse:8123
                                        [--clickhouse-database sightline] [--clickhouse-user default] [--clickhouse-password P]]
                                       [--role all|collect|process|web   (anything but all needs kafka, clickhouse and s3)]
                Every flag can also be set as an environment variable: SIGHTLINE_PORT=9000, SIGHTLINE_DATA=/var/lib/sightline …
                       sightline migrate --data ./data <the cluster's --storage clickhouse … --recordings s3 … flags>
                                       (copies an embedded installation into ClickHouse and S3; resumable)""");
    }
}
