package dev.sightline.bench.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Posts a session's uploads to {@code /collect} one after another, gzip'd, as one tracker would. */
final class SessionUploader {

    private SessionUploader() {
    }

    static void send(int port, List<ObjectNode> uploads) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI collect = URI.create("http://127.0.0.1:" + port + "/collect");
        for (ObjectNode upload : uploads) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(collect)
                    .header("Content-Type", "text/plain")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Safari/537.36")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(upload.toString()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("upload page " + upload.get("pn") + " seq " + upload.get("seq")
                        + " was refused: " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
