package dev.sightline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.contract.wire.AnalyticsEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event kinds of {@code wire-format.json}, read once at start-up: for each kind its fields (name,
 * type, maximum length) and the canonical constructor of the record that mirrors it. The contract's
 * schema test guarantees that record components and schema fields line up.
 */
final class WireSchema {

    record Field(String name, boolean isString, int maxLength) {
    }

    record Kind(String name, List<Field> fields, Constructor<? extends AnalyticsEvent> constructor) {
    }

    private final Map<String, Kind> kinds;

    private WireSchema(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    static WireSchema load(ObjectMapper json) {
        try (InputStream in = AnalyticsEvent.class.getResourceAsStream("wire-format.json")) {
            if (in == null) {
                throw new IllegalStateException("wire-format.json is missing from the contract jar");
            }
            JsonNode events = json.readTree(in).get("events");
            Map<String, Kind> kinds = new HashMap<>();
            events.fields().forEachRemaining(entry -> {
                List<Field> fields = new ArrayList<>();
                entry.getValue().forEach(f -> fields.add(new Field(f.get(0).asText(),
                        f.get(1).asText().equals("string"), f.size() > 2 ? f.get(2).asInt() : 0)));
                kinds.put(entry.getKey(), new Kind(entry.getKey(), List.copyOf(fields),
                        constructorOf(AnalyticsEvent.KINDS.get(entry.getKey()))));
            });
            return new WireSchema(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wire-format.json", e);
        }
    }

    private static Constructor<? extends AnalyticsEvent> constructorOf(Class<? extends AnalyticsEvent> type) {
        if (type == null) {
            throw new IllegalStateException("an event kind of wire-format.json has no Java record");
        }
        Class<?>[] parameterTypes = java.util.Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type, e);
        }
    }

    Kind kind(String name) {
        return kinds.get(name);
    }
}
