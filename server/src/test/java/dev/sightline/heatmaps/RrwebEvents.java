package dev.sightline.heatmaps;

/** rrweb events as the tracker sends them (JSON text, in the recorder's field order), for tests. */
final class RrwebEvents {

    private RrwebEvents() {
    }

    static String meta(long ts, int width, int height) {
        return "{\"type\":4,\"data\":{\"href\":\"https://shop.example/\",\"width\":" + width + ",\"height\":" + height
                + "},\"timestamp\":" + ts + "}";
    }

    static String fullSnapshot(long ts, String bodyId) {
        return "{\"type\":2,\"data\":{\"node\":{\"type\":0,\"childNodes\":[{\"type\":2,\"tagName\":\"html\",\"attributes\":{},"
                + "\"childNodes\":[{\"type\":2,\"tagName\":\"body\",\"attributes\":{\"id\":\"" + bodyId + "\"},\"childNodes\":[],"
                + "\"id\":3}],\"id\":2}],\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}},\"timestamp\":" + ts + "}";
    }

    static String mutation(long ts) {
        return "{\"type\":3,\"data\":{\"source\":0,\"texts\":[],\"attributes\":[{\"id\":3,\"attributes\":{\"class\":\"ready\"}}],"
                + "\"removes\":[],\"adds\":[]},\"timestamp\":" + ts + "}";
    }

    static String mouseMove(long ts) {
        return "{\"type\":3,\"data\":{\"source\":1,\"positions\":[{\"x\":1,\"y\":2,\"id\":3,\"timeOffset\":0}]},\"timestamp\":" + ts + "}";
    }

    static String scroll(long ts) {
        return "{\"type\":3,\"data\":{\"source\":3,\"id\":1,\"x\":0,\"y\":900},\"timestamp\":" + ts + "}";
    }

    static String array(String... events) {
        return "[" + String.join(",", events) + "]";
    }
}
