package dev.sightline.store.duckdb;

import dev.sightline.contract.store.StoreException;
import java.nio.file.Path;

/** A DuckDB file another process holds open for writing: a Sightline server runs on it. */
public final class DatabaseInUseException extends StoreException {

    DatabaseInUseException(Path file, Throwable cause) {
        super(file + " is open in another process (a Sightline server is running on this data folder): "
                + cause.getMessage(), cause);
    }
}
