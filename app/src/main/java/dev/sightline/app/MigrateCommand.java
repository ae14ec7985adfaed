package dev.sightline.app;

import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.migration.Checkpoint;
import dev.sightline.migration.InstallationCopy;
import dev.sightline.migration.Progress;
import dev.sightline.migration.Verification;
import dev.sightline.store.clickhouse.ClickHouseEventCounts;
import dev.sightline.store.clickhouse.ClickHouseEventStore;
import dev.sightline.store.clickhouse.ClickHouseMetadataStore;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.disk.DiskPageSnapshotStore;
import dev.sightline.store.disk.DiskRecordingStore;
import dev.sightline.store.disk.DiskStylesheetStore;
import dev.sightline.store.duckdb.DatabaseInUseException;
import dev.sightline.store.duckdb.DuckDbEventExport;
import dev.sightline.store.duckdb.DuckDbEventStore;
import dev.sightline.store.duckdb.DuckDbMetadataStore;
import dev.sightline.store.s3.S3PageSnapshotStore;
import dev.sightline.store.s3.S3RecordingStore;
import dev.sightline.store.s3.S3Settings;
import dev.sightline.store.s3.S3StylesheetStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sightline migrate --data <folder> --storage clickhouse … --recordings s3 …}: copies the embedded
 * installation in the folder (DuckDB and disk; no server may run on it) into the cluster's engines, the
 * same flags a cluster node takes, then counts both sides. The run is resumable: the units done are in
 * {@value #CHECKPOINT} in the folder, and the same command continues after an interruption.
 */
final class MigrateCommand {

    static final String CHECKPOINT = "migration.checkpoint";
    /** Hidden, for tests: halt like {@code kill -9} once this many units are written, before the last is recorded. */
    static final String INTERRUPT_FLAG = "--interrupt-at-unit";

    private MigrateCommand() {
    }

    /** Runs the command; returns the exit status (0: copied and every count matches). */
    static int run(Map<String, String> env, List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        int interruptAt = 0;
        int flag = args.indexOf(INTERRUPT_FLAG);
        if (flag >= 0 && flag + 1 < args.size()) {
            interruptAt = Integer.parseInt(args.get(flag + 1));
            args.subList(flag, flag + 2).clear();
        }
        SightlineConfig config;
        try {
            config = SightlineConfig.from(env, args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return 2;
        }
        Path data = config.dataDir();
        if (config.backends().clickhouse().isEmpty() || config.backends().s3().isEmpty()) {
            err.println("migrate copies into a cluster: give --storage clickhouse --clickhouse-url … and --recordings s3"
                    + " --s3-bucket …, as the cluster's nodes take them");
            usage(err);
            return 2;
        }
        if (!Files.isRegularFile(data.resolve(DuckDbEventStore.FILE_NAME))
                || !Files.isRegularFile(data.resolve(DuckDbMetadataStore.FILE_NAME))) {
            err.println("there is no embedded installation in " + data.toAbsolutePath() + " (no "
                    + DuckDbEventStore.FILE_NAME + " and " + DuckDbMetadataStore.FILE_NAME + "): give its folder with --data");
            return 2;
        }
        ClickHouseSettings clickhouse = config.backends().clickhouse().get();
        S3Settings s3 = config.backends().s3().get();
        out.println("Copying the embedded installation in " + data.toAbsolutePath() + " into ClickHouse "
                + clickhouse.endpoint() + " (database " + clickhouse.database() + ") and S3 bucket " + s3.bucket()
                + (s3.prefix().isEmpty() ? "" : " under " + s3.prefix()) + " …");
        try (Sources source = Sources.open(data);
             Targets target = Targets.open(clickhouse, s3);
             Checkpoint checkpoint = Checkpoint.open(data.resolve(CHECKPOINT), targetName(clickhouse, s3))) {
            if (checkpoint.startedAfresh()) {
                out.println("The checkpoint in " + checkpoint.file() + " was for another target: starting from the beginning.");
            } else if (checkpoint.doneCount() > 0) {
                out.println("Resuming: " + checkpoint.doneCount() + " units were copied by an earlier run ("
                        + checkpoint.file() + ").");
            }
            AtomicBoolean finished = new AtomicBoolean();
            Thread interrupted = new Thread(() -> {
                if (!finished.get()) {
                    err.println();
                    err.println("Interrupted. Run the same command again to continue where it stopped.");
                }
            }, "migration-interrupted");
            Runtime.getRuntime().addShutdownHook(interrupted);
            AtomicInteger written = new AtomicInteger();
            int haltAt = interruptAt;
            InstallationCopy copy = new InstallationCopy(
                    new InstallationCopy.Source(source.events, source.metadata, source.metadata, source.recordings,
                            source.snapshots, source.stylesheets),
                    new InstallationCopy.Target(target.events, target.counts, target.metadata, target.recordings,
                            target.snapshots, target.stylesheets),
                    checkpoint, new Progress(out, System.console() != null), unit -> {
                        if (written.incrementAndGet() == haltAt) {
                            out.flush();
                            Runtime.getRuntime().halt(137);
                        }
                    });
            copy.copy();
            Verification verification = copy.verify();
            finished.set(true);
            Runtime.getRuntime().removeShutdownHook(interrupted);
            out.println();
            verification.print(out);
            out.println();
            if (verification.allMatch()) {
                out.println("Every count matches. Start the cluster on the same engines (see README, Scaling out);"
                        + " the embedded folder is unchanged.");
                return 0;
            }
            out.println("Some counts differ (marked DIFFERS). Run the same command again: it copies again what is"
                    + " missing; if a count still differs, the target held data before the copy.");
            return 1;
        } catch (DatabaseInUseException e) {
            err.println("A Sightline server is running on " + data.toAbsolutePath() + ": stop it first, so that nothing"
                    + " changes while it is copied. Nothing was copied. (" + e.getMessage() + ")");
            return 1;
        } catch (RuntimeException e) {
            err.println();
            err.println("The copy stopped: " + e.getMessage());
            err.println("Run the same command again to continue where it stopped.");
            return 1;
        }
    }

    private static String targetName(ClickHouseSettings clickhouse, S3Settings s3) {
        return "clickhouse " + clickhouse.endpoint() + "/" + clickhouse.database() + " s3 "
                + s3.endpoint().map(Object::toString).orElse("aws") + "/" + s3.bucket() + "/" + s3.prefix();
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: sightline migrate --data ./data --storage clickhouse --clickhouse-url http://clickhouse:8123
                                         [--clickhouse-database sightline] [--clickhouse-user default] [--clickhouse-password P]
                                         --recordings s3 --s3-bucket B [--s3-endpoint http://minio:9000] [--s3-region us-east-1]
                                         [--s3-prefix recordings/] [--s3-path-style true] [--s3-access-key K --s3-secret-key S]
                Copies the embedded installation in --data (stop its server first) into ClickHouse and S3; run it
                again after an interruption to continue. Ends with a count of every kind of data on both sides.""");
    }

    /** The embedded installation, read only. */
    private record Sources(DuckDbEventExport events, DuckDbMetadataStore metadata, RecordingStore recordings,
                           PageSnapshotStore snapshots, StylesheetStore stylesheets) implements AutoCloseable {
        static Sources open(Path data) {
            DuckDbEventExport events = new DuckDbEventExport(data);
            try {
                return new Sources(events, DuckDbMetadataStore.readOnly(data), new DiskRecordingStore(data),
                        new DiskPageSnapshotStore(data), new DiskStylesheetStore(data));
            } catch (RuntimeException e) {
                events.close();
                throw e;
            }
        }

        @Override
        public void close() {
            stylesheets.close();
            snapshots.close();
            recordings.close();
            metadata.close();
            events.close();
        }
    }

    private record Targets(EventStore events, ClickHouseEventCounts counts, MetadataStore metadata,
                           RecordingStore recordings, PageSnapshotStore snapshots, StylesheetStore stylesheets)
            implements AutoCloseable {
        static Targets open(ClickHouseSettings clickhouse, S3Settings s3) {
            RecordingStore recordings = new S3RecordingStore(s3);
            PageSnapshotStore snapshots = new S3PageSnapshotStore(s3);
            StylesheetStore stylesheets = new S3StylesheetStore(s3);
            EventStore events = new ClickHouseEventStore(clickhouse);
            return new Targets(events, new ClickHouseEventCounts(clickhouse), new ClickHouseMetadataStore(clickhouse),
                    recordings, snapshots, stylesheets);
        }

        @Override
        public void close() {
            counts.close();
            events.close();
            metadata.close();
            recordings.close();
            snapshots.close();
            stylesheets.close();
        }
    }
}
