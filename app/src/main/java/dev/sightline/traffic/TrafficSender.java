package dev.sightline.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Sends generated uploads to {@code POST /collect} in the order they leave their browsers, three minutes
 * at a time: before each slot's uploads it tells {@code clockAt} the slot's middle (a test moves the
 * server's clock there, so uploads from the past arrive "on time", within the 2 minutes of clock drift
 * Sightline tolerates; against a live server pass a no-op), then sends the slot's uploads at once and
 * waits for every answer.
 */
public final class TrafficSender {
    private static final long SLOT_SECONDS = 180;

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI collect;

    public TrafficSender(String baseUrl) {
        this.collect = URI.create(baseUrl + "/collect");
    }

    /** Sends every upload; fails on the first answer that is not 200. Returns how many were sent. */
    public int send(List<TrafficUploads.Upload> uploads, Consumer<Instant> clockAt) {
        Map<Instant, List<TrafficUploads.Upload>> byMinute = new TreeMap<>();
        for (TrafficUploads.Upload upload : uploads) {
            long slot = Math.floorDiv(upload.sentAt().getEpochSecond(), SLOT_SECONDS) * SLOT_SECONDS;
            byMinute.computeIfAbsent(Instant.ofEpochSecond(slot), m -> new ArrayList<>()).add(upload);
        }
        int sent = 0;
        for (Map.Entry<Instant, List<TrafficUploads.Upload>> minute : byMinute.entrySet()) {
            clockAt.accept(minute.getKey().plusSeconds(SLOT_SECONDS / 2));
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            List<TrafficUploads.Upload> batch = new ArrayList<>(minute.getValue());
            batch.sort(Comparator.comparing(TrafficUploads.Upload::sentAt));
            for (TrafficUploads.Upload upload : batch) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(collect)
                        .header("Content-Type", "text/plain")
                        .header("User-Agent", upload.userAgent())
                        .POST(HttpRequest.BodyPublishers.ofString(upload.body())).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("collect answered " + response.statusCode() + ": " + response.body());
                }
                sent++;
            }
        }
        return sent;
    }
}
