package dev.sightline.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sightline.auth.AuthRoutes;
import dev.sightline.auth.AuthService;
import dev.sightline.auth.LoginAudit;
import dev.sightline.auth.LoginAuditRoutes;
import dev.sightline.auth.PasswordHasher;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.dashboard.DashboardRoutes;
import dev.sightline.dashboard.ExportRoutes;
import dev.sightline.dashboard.NoteRoutes;
import dev.sightline.dashboard.SavedViewRoutes;
import dev.sightline.demo.DemoSite;
import dev.sightline.erasure.ErasureRoutes;
import dev.sightline.erasure.ErasureService;
import dev.sightline.heatmaps.Backgrounds;
import dev.sightline.heatmaps.HeatmapRoutes;
import dev.sightline.heatmaps.PageGroupRoutes;
import dev.sightline.heatmaps.PageSnapshots;
import dev.sightline.heatmaps.SnapshotRoutes;
import dev.sightline.ingest.BatchDecoder;
import dev.sightline.ingest.CollectHandler;
import dev.sightline.ingest.CollectSettings;
import dev.sightline.ingest.CountryLookup;
import dev.sightline.ingest.MaxMindCountryLookup;
import dev.sightline.ingest.ReceivedBatchCodec;
import dev.sightline.ingest.RecentBatchKeys;
import dev.sightline.ingest.kafka.KafkaIngestLog;
import dev.sightline.ingest.wal.WalSettings;
import dev.sightline.ingest.wal.WriteAheadLog;
import dev.sightline.members.MemberRoutes;
import dev.sightline.members.Members;
import dev.sightline.insights.InsightAnalyser;
import dev.sightline.insights.InsightRoutes;
import dev.sightline.insights.InsightScheduler;
import dev.sightline.projects.Access;
import dev.sightline.projects.ProjectDirectory;
import dev.sightline.projects.ProjectRoutes;
import dev.sightline.projects.ProjectSettingsRoutes;
import dev.sightline.recordings.RecordingRoutes;
import dev.sightline.stylesheets.StylesheetRoutes;
import dev.sightline.retention.KeepRoutes;
import dev.sightline.retention.RetentionPass;
import dev.sightline.retention.SessionErasure;
import dev.sightline.retention.RetentionSchedule;
import dev.sightline.sanitize.RecordingSanitizer;
import dev.sightline.sessions.ActiveTime;
import dev.sightline.sessions.BatchEnricher;
import dev.sightline.sessions.BatchProcessor;
import dev.sightline.sessions.ChannelClassifier;
import dev.sightline.sessions.PageKeys;
import dev.sightline.sessions.UserAgentClassifier;
import dev.sightline.store.clickhouse.ClickHouseEventStore;
import dev.sightline.store.clickhouse.ClickHouseMetadataStore;
import dev.sightline.store.disk.DiskPageSnapshotStore;
import dev.sightline.store.disk.DiskRecordingStore;
import dev.sightline.store.disk.DiskStylesheetStore;
import dev.sightline.store.duckdb.DuckDbEventStore;
import dev.sightline.store.duckdb.DuckDbMetadataStore;
import dev.sightline.store.s3.S3PageSnapshotStore;
import dev.sightline.store.s3.S3RecordingStore;
import dev.sightline.store.s3.S3StylesheetStore;
import dev.sightline.tokens.ApiTokens;
import dev.sightline.tokens.TokenRoutes;
import dev.sightline.tracker.TrackerScriptRoutes;
import dev.sightline.web.DashboardPages;
import dev.sightline.web.HealthRoutes;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.PublicUrl;
import dev.sightline.web.ReadinessRoutes;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import dev.sightline.web.SecurityHeaders;
import dev.sightline.web.StaticMount;
import dev.sightline.web.WebServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Sightline process, wired in one place (its {@link NodeRole} decides which routes it serves and
 * whether it processes): the ingest log between collect and processing (the
 * write-ahead log, or Kafka), DuckDB for events and metadata, recordings in a folder (or S3), and
 * the web server.
 */
public final class Sightline implements AutoCloseable {
    private static final StaticMount DASHBOARD_ASSETS = new StaticMount("/assets", "/sightline/ui/assets",
            "public, max-age=300");

    private final SightlineConfig config;
    private final EventStore events;
    private final RecordingStore recordings;
    private final MetadataStore metadata;
    private final PageSnapshotStore snapshots;
    private final StylesheetStore stylesheets;
    private final IngestLog log;
    private final BatchProcessor processor;
    private final ExecutorService preparers;
    private final InsightScheduler insights;
    private final CountryLookup countries;
    private final WebServer web;
    private final RetentionPass retention;
    private final RetentionSchedule retentionSchedule;
    private final ReadinessRoutes readiness;
    private int port;

    public Sightline(SightlineConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With another clock: for tests of what happens as time passes (retention). */
    public Sightline(SightlineConfig config, Clock clock) {
        this.config = config;
        ObjectMapper json = objectMapper();

        // Remote engines first: one that is unreachable stops the start before any local file is opened.
        this.recordings = config.backends().s3().<RecordingStore>map(S3RecordingStore::new)
                .orElseGet(() -> new DiskRecordingStore(config.dataDir()));
        try {
            this.events = config.backends().clickhouse().<EventStore>map(ClickHouseEventStore::new)
                    .orElseGet(() -> new DuckDbEventStore(config.dataDir()));
        } catch (RuntimeException e) {
            recordings.close();
            throw e;
        }
        try {
            this.log = config.backends().kafka().<IngestLog>map(KafkaIngestLog::new)
                    .orElseGet(() -> new WriteAheadLog(config.dataDir().resolve("ingest-log"), WalSettings.DEFAULTS));
        } catch (RuntimeException e) {
            events.close();
            recordings.close();
            throw e;
        }
        this.metadata = config.backends().clickhouse().<MetadataStore>map(ClickHouseMetadataStore::new)
                .orElseGet(() -> new DuckDbMetadataStore(config.dataDir()));
        this.snapshots = config.backends().s3().<PageSnapshotStore>map(S3PageSnapshotStore::new)
                .orElseGet(() -> new DiskPageSnapshotStore(config.dataDir()));
        this.stylesheets = config.backends().s3().<StylesheetStore>map(S3StylesheetStore::new)
                .orElseGet(() -> new DiskStylesheetStore(config.dataDir()));
        SessionErasure erasure = new SessionErasure(events, recordings, snapshots, metadata.dashboards());
        this.countries = config.geoipDatabase().<CountryLookup>map(MaxMindCountryLookup::new).orElse(CountryLookup.none());

        BatchDecoder decoder = new BatchDecoder(json);
        ReceivedBatchCodec codec = new ReceivedBatchCodec(json, decoder);
        BatchEnricher enricher = new BatchEnricher(UserAgentClassifier.shared(), new ChannelClassifier(),
                new PageKeys(config.pageKeyParameters()), new ActiveTime());
        PageSnapshots pageSnapshots = new PageSnapshots(snapshots, json);
        this.preparers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads("prepare"));
        this.processor = new BatchProcessor(codec, enricher, events, recordings, new RecordingSanitizer(json), pageSnapshots, log,
                preparers, stylesheets);
        Backgrounds backgrounds = new Backgrounds(snapshots, pageSnapshots, events, recordings, json);
        this.insights = new InsightScheduler(new InsightAnalyser(events.insights(), config.insights()), config.insights(),
                clock);

        ProjectDirectory projects = new ProjectDirectory(metadata);
        PublicUrl publicUrl = new PublicUrl(config.publicUrl());
        AuthService auth = new AuthService(metadata, new PasswordHasher(), new LoginAudit(metadata.security(), clock), clock);
        Access access = new Access(metadata);
        ApiTokens tokens = new ApiTokens(metadata.security(), clock);
        JsonBodies bodies = new JsonBodies(json);
        CollectHandler collect = new CollectHandler(decoder, codec, projects, log, countries,
                new RecentBatchKeys(1 << 20), new CollectSettings(config.perSourceUploadsPerSecond(),
                config.perProjectUploadsPerSecond(), config.trustForwardedFor()), clock);

        this.readiness = new ReadinessRoutes(List.of(
                new ReadinessRoutes.Dependency("events", config.backends().eventsName(), () -> events.sessionsStartedBefore("_ready", Instant.EPOCH, 1)),
                new ReadinessRoutes.Dependency("metadata", config.backends().eventsName(), () -> metadata.project("_ready")),
                new ReadinessRoutes.Dependency("recordings", config.backends().recordingsName(),
                        () -> recordings.list("_ready", "_ready", List.of(LocalDate.EPOCH))),
                new ReadinessRoutes.Dependency("ingest", config.backends().ingestName(), log::lag)));
        NodeRole role = config.role();
        List<Routes> routes = new ArrayList<>(List.of(
                SecurityHeaders.routes(),
                new HealthRoutes(log, processor::processed),
                readiness,
                new RouteGuard(auth, tokens, access, metadata).routes()));
        if (role.collects()) {
            routes.add(collect::addRoutes);
            routes.add(new TrackerScriptRoutes(projects, publicUrl, json));
        }
        if (role.servesDashboard()) {
            routes.addAll(List.of(
                    new AuthRoutes(auth, bodies, id -> metadata.project(id).map(Project::name).orElse("")),
                    new ProjectRoutes(metadata, access, bodies, publicUrl, clock),
                    new RecordingRoutes(events, recordings, clock),
                    new ProjectSettingsRoutes(metadata, projects, bodies, publicUrl),
                    new MemberRoutes(new Members(metadata, clock), metadata, bodies, publicUrl),
                    new TokenRoutes(tokens, metadata, bodies),
                    new LoginAuditRoutes(metadata.security()),
                    new KeepRoutes(events),
                    new ErasureRoutes(new ErasureService(metadata, events, erasure, log, clock), metadata, bodies),
                    new HeatmapRoutes(events, metadata, backgrounds, bodies, clock),
                    new PageGroupRoutes(metadata, bodies, clock),
                    new SnapshotRoutes(metadata, backgrounds, bodies, clock),
                    new StylesheetRoutes(stylesheets),
                    new InsightRoutes(events, config.insights(), clock),
                    new DashboardRoutes(events, metadata.dashboards(), clock),
                    new SavedViewRoutes(metadata.dashboards(), bodies, clock),
                    new NoteRoutes(metadata.dashboards(), events, bodies, clock),
                    new ExportRoutes(events, clock),
                    new DashboardPages()));
        }
        List<StaticMount> mounts = new ArrayList<>();
        if (config.demo()) {
            DemoSite.ensureProject(metadata, clock);
        }
        if (role.servesDashboard()) {
            mounts.add(DASHBOARD_ASSETS);
            if (config.demo()) {
                mounts.add(DemoSite.FILES);
            }
        }
        this.web = new WebServer(json, routes, mounts);
        this.retention = new RetentionPass(metadata, events, recordings, erasure, log, clock);
        this.retentionSchedule = new RetentionSchedule(retention);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS);
    }

    /** Starts processing and serving; returns the port it serves on. */
    public int start() {
        if (config.role().processes()) {
            log.startConsuming(processor);
            insights.start();
        }
        port = web.start(config.host(), config.port());
        if (config.role().processes()) {
            retentionSchedule.start();
        }
        return port;
    }

    public int port() {
        return port;
    }

    public EventStore events() {
        return events;
    }

    public RecordingStore recordings() {
        return recordings;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    /** Retention, which also runs on its own once a day. */
    public RetentionPass retention() {
        return retention;
    }

    /** Every route the server answers, with the access level it declared. */
    public List<WebServer.Route> routes() {
        return web.routes();
        }

    public PageSnapshotStore snapshots() {
        return snapshots;
    }

    public StylesheetStore stylesheets() {
        return stylesheets;
    }

    /** Waits until every acknowledged upload has been processed into the stores. */
    public boolean awaitProcessed(long timeout, TimeUnit unit) throws InterruptedException {
        if (log instanceof WriteAheadLog wal) {
            return wal.awaitHandled(timeout, unit);
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (log.lag() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        retentionSchedule.close();
        web.close();
        readiness.close();
        log.close();
        preparers.shutdownNow();
        insights.close();
        events.close();
        recordings.close();
        snapshots.close();
        stylesheets.close();
        metadata.close();
        if (countries instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing to flush in a read-only database
            }
        }
    }
}
