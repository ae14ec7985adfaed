package dev.sightline.contract.store;

/** A chunk that exists in a {@link RecordingStore}, with its compressed size. */
public record StoredChunk(ChunkKey key, long compressedBytes) {
}
