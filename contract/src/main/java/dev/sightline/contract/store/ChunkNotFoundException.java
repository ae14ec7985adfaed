package dev.sightline.contract.store;

/** Asked for a recording chunk that is not (or no longer) stored. */
public class ChunkNotFoundException extends RuntimeException {
    public ChunkNotFoundException(ChunkKey key) {
        super("no recording chunk " + key.path());
    }
}
