package dev.sightline.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Batch;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.http.HttpProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns an upload's bytes into a {@link Batch}, or refuses it with a precise reason. Gzip is
 * recognised by its magic bytes and inflated with a hard cap, so a small bomb cannot inflate into
 * gigabytes. Every field is checked against {@code wire-format.json}: type, range and length.
 */
public final class BatchDecoder {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8," + WireLimits.MAX_ID_LENGTH + "}");
    private static final long EARLIEST_PAGE_START = 1_577_836_800_000L; // 2020-01-01
    private static final int MAX_RECORDING_EVENTS = 50_000;
    private static final byte[] EMPTY_RECORDING = {'[', ']'};
    private static final long MAX_T = 3L * 60 * 60 * 1000;

    private final ObjectMapper json;
    private final WireSchema schema;

    public BatchDecoder(ObjectMapper json) {
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(WireLimits.MAX_DECOMPRESSED_BYTES).build());
        this.schema = WireSchema.load(json);
    }

    /**
     * An upload decoded, and where its recording's JSON array lies in the inflated body ({@code -1}
     * when it has none), so that decoding it again can leave the checked recording alone.
     */
    public record Decoded(Batch batch, int recordingStart, int recordingEnd) {
    }

    /** Decodes one upload body (JSON, or gzip'd JSON). */
    public Batch decode(byte[] body) {
        return decodeUpload(body).batch();
    }

    /** Decodes one upload body (JSON, or gzip'd JSON), checking everything, the recording's events too. */
    public Decoded decodeUpload(byte[] body) {
        if (body.length == 0) {
            throw HttpProblem.badRequest("empty_body", "the upload has no body");
        }
        return parse(isGzip(body) ? gunzip(body) : body);
    }

    /**
     * Decodes an upload this decoder accepted before, whose recording lies between the offsets it gave
     * then: the envelope and the analytics events are read and checked as the first time, the
     * recording's bytes are taken as they are — walking its events again was most of processing's work.
     */
    public Batch decodeAccepted(byte[] body, int recordingStart, int recordingEnd) {
        if (recordingStart < 0) {
            return decode(body);
        }
        byte[] plain = isGzip(body) ? gunzip(body) : body;
        if (recordingStart >= recordingEnd || recordingEnd > plain.length || plain[recordingStart] != '['
                || plain[recordingEnd - 1] != ']') {
            throw new IllegalArgumentException("the recording's offsets do not fit the upload");
        }
        byte[] hollow = new byte[plain.length - (recordingEnd - recordingStart) + EMPTY_RECORDING.length];
        System.arraycopy(plain, 0, hollow, 0, recordingStart);
        System.arraycopy(EMPTY_RECORDING, 0, hollow, recordingStart, EMPTY_RECORDING.length);
        System.arraycopy(plain, recordingEnd, hollow, recordingStart + EMPTY_RECORDING.length, plain.length - recordingEnd);
        return parse(hollow).batch().withRecordingJson(Arrays.copyOfRange(plain, recordingStart, recordingEnd));
    }

    private Decoded parse(byte[] plain) {
        try (JsonParser parser = json.getFactory().createParser(plain)) {
            return parse(parser, plain);
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("malformed_json", "the upload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("malformed_json", "the upload cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads the upload's fields as a tree — except the recording: rrweb's events are most of an
     * upload's bytes, so they are checked as they stream past and kept as the very JSON text they
     * arrived as, never built into a tree and written out again (which cost more than all the rest of
     * collect and processing together).
     */
    private Decoded parse(JsonParser parser, byte[] plain) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw HttpProblem.badRequest("malformed_json", "the upload must be a JSON object");
        }
        ObjectNode root = json.createObjectNode();
        byte[] recording = null; // a field given twice counts once, the last time, as in a tree
        int recordingStart = -1;
        int recordingEnd = -1;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("r") && value == JsonToken.START_ARRAY) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                int events = recordingEvents(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                recording = events == 0 ? EMPTY_RECORDING : Arrays.copyOfRange(plain, start, end);
                recordingStart = events == 0 ? -1 : start;
                recordingEnd = events == 0 ? -1 : end;
                root.remove("r");
            } else {
                JsonNode tree = json.readTree(parser);
                root.set(name, tree == null ? NullNode.getInstance() : tree);
                if (name.equals("r")) {
                    recording = null;
                    recordingStart = -1;
                    recordingEnd = -1;
                }
            }
        }
        return new Decoded(envelope(root, recording), recordingStart, recordingEnd);
    }

    /** Checks the recording's events up to its closing bracket; returns how many there are. */
    private static int recordingEvents(JsonParser parser) throws IOException {
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (++count > MAX_RECORDING_EVENTS) {
                throw HttpProblem.tooLarge("'r' holds more than " + MAX_RECORDING_EVENTS + " events");
            }
            boolean typed = false;
            boolean timed = false;
            if (token == JsonToken.START_OBJECT) {
                for (JsonToken field = parser.nextToken(); field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("type")) {
                        typed = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
                    } else if (name.equals("timestamp")) {
                        timed = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
                    }
                    parser.skipChildren();
                }
            }
            if (!typed || !timed) {
                throw HttpProblem.badRequest("invalid_recording",
                        "every recording event needs an integer type and a numeric timestamp");
            }
        }
        return count;
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 8, 1 << 20));
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > WireLimits.MAX_DECOMPRESSED_BYTES) {
                    throw HttpProblem.tooLarge("the upload inflates beyond "
                            + WireLimits.MAX_DECOMPRESSED_BYTES + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw HttpProblem.badRequest("corrupt_gzip", "the upload is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw HttpProblem.badRequest("corrupt_gzip", "the upload cannot be inflated: " + e.getMessage());
        }
    }

    /** {@code recording}: the recording's JSON text when {@code r} was an array (checked already), else null. */
    private Batch envelope(JsonNode root, byte[] recording) {
        integer(root, "v", 1, 1);
        String key = string(root, "key", 1, 64);
        String visitorId = id(root, "vid");
        String sessionId = id(root, "sid");
        int pageNumber = (int) integer(root, "pn", 1, WireLimits.MAX_PAGES_PER_SESSION);
        int sequence = (int) integer(root, "seq", 0, WireLimits.MAX_SEQUENCE);
        long pageStart = integer(root, "ts", EARLIEST_PAGE_START, Long.MAX_VALUE / 4);
        long sentAt = integer(root, "sent", pageStart, pageStart + WireLimits.MAX_PAGE_AGE_MS);
        boolean last = bool(root, "last");
        String url = string(root, "url", 1, 2048);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw HttpProblem.badRequest("invalid_field", "url must be an http(s) URL");
        }
        List<AnalyticsEvent> events = events(array(root, "a", WireLimits.MAX_EVENTS));
        if (recording == null) {
            array(root, "r", MAX_RECORDING_EVENTS); // refuses a missing or non-array recording with its reason
        }
        return new Batch(key, visitorId, sessionId, pageNumber, sequence, pageStart, sentAt, last, url, events,
                recording, stylesheets(root.get("css")));
    }

    /**
     * The optional {@code css} object: stylesheet texts by the hex SHA-256 of their UTF-8 bytes. A text
     * whose hash is not the one it came under is refused, so nothing is ever filed under another
     * text's name.
     */
    private static Map<String, String> stylesheets(JsonNode css) {
        if (css == null || css.isNull()) {
            return Map.of();
        }
        if (!css.isObject()) {
            throw HttpProblem.badRequest("invalid_field", "'css' must be an object of stylesheet texts by their SHA-256");
        }
        if (css.size() > WireLimits.MAX_STYLESHEETS) {
            throw HttpProblem.tooLarge("'css' holds more than " + WireLimits.MAX_STYLESHEETS + " stylesheets");
        }
        Map<String, String> stylesheets = new LinkedHashMap<>();
        long total = 0;
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) css::fields) {
            String hash = entry.getKey();
            JsonNode text = entry.getValue();
            if (!StylesheetHashes.isHash(hash)) {
                throw HttpProblem.badRequest("invalid_field", "'css' keys must be 64 lower-case hex digits (SHA-256)");
            }
            if (!text.isTextual()) {
                throw HttpProblem.badRequest("invalid_field", "css." + hash + " must be a string");
            }
            if (text.asText().length() > WireLimits.MAX_STYLESHEET_CHARS) {
                throw HttpProblem.tooLarge("css." + hash + " is longer than " + WireLimits.MAX_STYLESHEET_CHARS + " characters");
            }
            total += text.asText().length();
            if (total > WireLimits.MAX_STYLESHEETS_CHARS) {
                throw HttpProblem.tooLarge("'css' holds more than " + WireLimits.MAX_STYLESHEETS_CHARS + " characters");
            }
            if (!StylesheetHashes.of(StylesheetHashes.utf8(text.asText())).equals(hash)) {
                throw HttpProblem.badRequest("stylesheet_hash_mismatch",
                        "css." + hash + " is not the stylesheet whose SHA-256 that is");
            }
            stylesheets.put(hash, text.asText());
        }
        return stylesheets;
    }

    private List<AnalyticsEvent> events(JsonNode array) {
        List<AnalyticsEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(event(array.get(i), i));
        }
        return events;
    }

    private AnalyticsEvent event(JsonNode node, int index) {
        if (!node.isArray() || node.isEmpty() || !node.get(0).isTextual()) {
            throw HttpProblem.badRequest("invalid_event", "event " + index + " must be an array [kind, t, ...]");
        }
        WireSchema.Kind kind = schema.kind(node.get(0).asText());
        if (kind == null) {
            throw HttpProblem.badRequest("invalid_event", "event " + index + " has an unknown kind");
        }
        List<WireSchema.Field> fields = kind.fields();
        if (node.size() != fields.size() + 1) {
            throw HttpProblem.badRequest("invalid_event", "event " + index + " (" + kind.name() + ") needs "
                    + fields.size() + " fields, has " + (node.size() - 1));
        }
        Object[] args = new Object[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            WireSchema.Field field = fields.get(f);
            JsonNode value = node.get(f + 1);
            String where = kind.name() + "." + field.name() + " of event " + index;
            if (field.isString()) {
                if (!value.isTextual()) {
                    throw HttpProblem.badRequest("invalid_event", where + " must be a string");
                }
                if (value.asText().length() > field.maxLength()) {
                    throw HttpProblem.badRequest("invalid_event", where + " is longer than " + field.maxLength());
                }
                args[f] = value.asText();
            } else if (f == 0) {
                if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_T) {
                    throw HttpProblem.badRequest("invalid_event", where + " must be an integer within 0.." + MAX_T);
                }
                args[f] = value.asLong();
            } else {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw HttpProblem.badRequest("invalid_event", where + " must be a 32-bit integer");
                }
                args[f] = value.asInt();
            }
        }
        try {
            return kind.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw HttpProblem.badRequest("invalid_event", "event " + index + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + kind.name(), e);
        }
    }

    private static JsonNode required(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            throw HttpProblem.badRequest("missing_field", "the upload has no '" + name + "'");
        }
        return value;
    }

    private static long integer(JsonNode root, String name, long min, long max) {
        JsonNode value = required(root, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw HttpProblem.badRequest("invalid_field", "'" + name + "' must be an integer within " + min + ".." + max);
        }
        return value.asLong();
    }

    private static String string(JsonNode root, String name, int minLength, int maxLength) {
        JsonNode value = required(root, name);
        if (!value.isTextual() || value.asText().length() < minLength || value.asText().length() > maxLength) {
            throw HttpProblem.badRequest("invalid_field",
                    "'" + name + "' must be a string of " + minLength + ".." + maxLength + " characters");
        }
        return value.asText();
    }

    private static String id(JsonNode root, String name) {
        JsonNode value = required(root, name);
        if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
            throw HttpProblem.badRequest("invalid_field", "'" + name + "' must be 8.." + WireLimits.MAX_ID_LENGTH
                    + " characters of [A-Za-z0-9_-]");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode root, String name) {
        JsonNode value = required(root, name);
        if (!value.isBoolean()) {
            throw HttpProblem.badRequest("invalid_field", "'" + name + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static JsonNode array(JsonNode root, String name, int maxSize) {
        JsonNode value = required(root, name);
        if (!value.isArray()) {
            throw HttpProblem.badRequest("invalid_field", "'" + name + "' must be an array");
        }
        if (value.size() > maxSize) {
            throw HttpProblem.tooLarge("'" + name + "' holds more than " + maxSize + " events");
        }
        return value;
    }
}
