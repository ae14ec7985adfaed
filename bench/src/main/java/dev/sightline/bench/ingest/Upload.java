package dev.sightline.bench.ingest;

/**
 * One upload ready to send: its key (session, page, sequence), the gzip'd body as the tracker sends
 * it, the JSON's length before compression, and whether it carries recording events (then the server
 * stores a recording chunk for it).
 */
record Upload(String sessionId, int page, int sequence, byte[] wire, int decodedBytes, boolean hasRecording) {

    String key() {
        return key(sessionId, page, sequence);
    }

    static String key(String sessionId, int page, int sequence) {
        return sessionId + "/" + page + "/" + sequence;
    }
}
