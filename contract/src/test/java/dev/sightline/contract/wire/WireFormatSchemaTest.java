package dev.sightline.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java records must say exactly what wire-format.json says, field for field, in order. */
class WireFormatSchemaTest {

    private static JsonNode schema() throws IOException {
        try (InputStream in = AnalyticsEvent.class.getResourceAsStream("wire-format.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyEventKindInTheSchemaHasARecordAndNoRecordIsMissingFromTheSchema() throws IOException {
        List<String> schemaKinds = new ArrayList<>();
        schema().get("events").fieldNames().forEachRemaining(schemaKinds::add);

        assertThat(AnalyticsEvent.KINDS.keySet()).containsExactlyInAnyOrderElementsOf(schemaKinds);
        assertThat(AnalyticsEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrderElementsOf(AnalyticsEvent.KINDS.values());
    }

    @Test
    void eachRecordsComponentsAreTheSchemasFieldsInTheSameOrderWithMatchingTypes() throws IOException {
        JsonNode events = schema().get("events");
        AnalyticsEvent.KINDS.forEach((kind, type) -> {
            List<String> schemaFields = new ArrayList<>();
            List<String> schemaTypes = new ArrayList<>();
            events.get(kind).forEach(field -> {
                schemaFields.add(field.get(0).asText());
                schemaTypes.add(field.get(1).asText());
            });
            RecordComponent[] components = type.getRecordComponents();
            assertThat(Arrays.stream(components).map(RecordComponent::getName).toList())
                    .as("fields of %s", kind).containsExactlyElementsOf(schemaFields);
            for (int i = 0; i < components.length; i++) {
                String expected = schemaTypes.get(i).equals("string") ? "String" : (i == 0 ? "long" : "int");
                assertThat(components[i].getType().getSimpleName()).as("%s.%s", kind, schemaFields.get(i))
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void theEnvelopeListsEveryBatchFieldTheCollectEndpointReads() throws IOException {
        List<String> envelope = new ArrayList<>();
        schema().get("envelope").forEach(field -> envelope.add(field.get("name").asText()));

        assertThat(envelope).containsExactly("v", "key", "vid", "sid", "pn", "seq", "ts", "sent", "last", "url", "a", "r", "css");
    }

    @Test
    void clickFlagsInTheSchemaMatchTheJavaConstants() throws IOException {
        JsonNode flags = schema().get("flags").get("click");

        assertThat(flags.get("reactive").asInt()).isEqualTo(Click.REACTIVE);
        assertThat(flags.get("keyboard").asInt()).isEqualTo(Click.KEYBOARD);
        assertThat(flags.get("synthetic").asInt()).isEqualTo(Click.SYNTHETIC);
        assertThat(flags.get("link").asInt()).isEqualTo(Click.LINK);
        assertThat(flags.get("textField").asInt()).isEqualTo(Click.TEXT_FIELD);
        assertThat(flags.get("textSelected").asInt()).isEqualTo(Click.TEXT_SELECTED);
    }
}
