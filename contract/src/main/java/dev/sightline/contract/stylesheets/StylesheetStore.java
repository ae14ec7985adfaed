package dev.sightline.contract.stylesheets;

import java.util.List;
import java.util.Optional;

/**
 * Stylesheets by content: the text of a recorded page's stylesheet, kept once per project under the
 * SHA-256 of its UTF-8 bytes ({@link StylesheetHashes}). Recordings and heatmap snapshots refer to a
 * stylesheet by that hash ({@code _cssHash}) instead of carrying its text in every full snapshot.
 * Stylesheets are the site's own assets, not personal data: neither retention nor erasure removes
 * them (like heatmap snapshots, they stay with the project). The embedded default is a folder on
 * disk; a cluster uses object storage.
 */
public interface StylesheetStore extends AutoCloseable {

    /**
     * Stores the stylesheet unless the project has it already (the same hash is the same text).
     * Durable when it returns. Refuses, with an {@link IllegalArgumentException}, a hash that is not
     * the SHA-256 of {@code css}: nothing is ever stored under another text's hash.
     */
    void putIfAbsent(String projectId, String hash, byte[] css);

    /** The stylesheet's UTF-8 bytes, empty when the project has none under that hash (or it is no hash). */
    Optional<byte[]> find(String projectId, String hash);

    /** The hashes of every stylesheet the project has, in no particular order (what a migration copies). */
    List<String> hashes(String projectId);

    @Override
    void close();
}
