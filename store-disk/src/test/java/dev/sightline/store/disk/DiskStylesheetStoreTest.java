package dev.sightline.store.disk;

import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.contract.stylesheets.StylesheetStoreContract;
import java.nio.file.Path;

class DiskStylesheetStoreTest extends StylesheetStoreContract {

    @Override
    protected StylesheetStore openStore(Path dataDir) {
        return new DiskStylesheetStore(dataDir);
    }
}
