package dev.sightline.contract.store;

/** A store could not do what was asked because its engine failed (I/O, SQL, network). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
