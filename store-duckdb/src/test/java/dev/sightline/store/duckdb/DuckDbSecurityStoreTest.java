package dev.sightline.store.duckdb;

import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.SecurityStoreContract;
import java.nio.file.Path;

class DuckDbSecurityStoreTest extends SecurityStoreContract {

    @Override
    protected MetadataStore openStore(Path dataDir) {
        return new DuckDbMetadataStore(dataDir);
    }
}
