package dev.sightline.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads small JSON request bodies into records, refusing bad ones with a reason. */
public final class JsonBodies {
    private static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw HttpProblem.tooLarge("the request body is larger than " + MAX_BYTES + " bytes");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw HttpProblem.badRequest("malformed_json", "the request body is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw HttpProblem.badRequest("malformed_json", "the request body is not the expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("malformed_json", "the request body cannot be read");
        }
    }
}
