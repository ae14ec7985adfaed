package dev.sightline.ingest;

import dev.sightline.contract.store.Visit;
import java.net.InetAddress;

/** ISO country code of an address, or {@link Visit#UNKNOWN_COUNTRY}. Addresses are looked up, never kept. */
@FunctionalInterface
public interface CountryLookup {

    String country(InetAddress address);

    /** Used when no GeoIP database is configured. */
    static CountryLookup none() {
        return address -> Visit.UNKNOWN_COUNTRY;
    }
}
