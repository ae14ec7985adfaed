package dev.sightline.store.duckdb;

import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.MetadataStoreContract;
import java.nio.file.Path;

class DuckDbMetadataStoreTest extends MetadataStoreContract {

    @Override
    protected MetadataStore openStore(Path dataDir) {
        return new DuckDbMetadataStore(dataDir);
    }
}
