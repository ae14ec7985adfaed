package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.demo.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a burst of uploads, a SIGKILL while more are in flight, a restart —
 * and every upload that got its 200 is stored, exactly once.
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int SESSIONS = 12;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedUploadIsStoredExactlyOnceAfterTheServerIsKilledMidBurst() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("sightline.log");
        Files.createDirectories(data);
        SightlineProcess first = SightlineProcess.start(data, log, "--source-rate", "100000");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SESSIONS);
        for (int s = 0; s < SESSIONS; s++) {
            String session = "crash-session-" + s;
            senders.submit(() -> {
                Http http = new Http(first.baseUrl());
                for (int seq = 0; seq < 1000 && sending.get(); seq++) {
                    try {
                        Http.Response response = http.postBytes("/collect",
                                Uploads.gzip(Uploads.bytes(Uploads.upload(DemoSite.SITE_KEY, session, 1, seq))), null);
                        if (response.status() == 200) {
                            acknowledged.add(session + "#" + seq);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.kill();
        sending.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        SightlineProcess second = SightlineProcess.start(data, log);
        try {
            Http http = new Http(second.baseUrl());
            second.awaitCaughtUp();
            http.signUpOwner("owner@example.com", "crash test password");
            Set<String> stored = new HashSet<>();
            List<String> duplicates = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                String session = "crash-session-" + s;
                Http.Response response = http.get("/api/projects/" + DemoSite.PROJECT_ID + "/sessions/" + session);
                if (response.status() == 404) {
                    continue;
                }
                for (JsonNode marker : response.json().get("markers")) {
                    if (marker.get("kind").asText().equals("CLICK")) {
                        String seq = marker.get("label").asText().replace("#mark-1-", "");
                        if (!stored.add(session + "#" + seq)) {
                            duplicates.add(session + "#" + seq);
                        }
                    }
                }
            }
            assertThat(stored).containsAll(acknowledged);
            assertThat(duplicates).isEmpty();
        } finally {
            second.stop();
        }
    }
}
