package dev.sightline.ingest;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CountryResponse;
import dev.sightline.contract.store.Visit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

/** Country lookup in a MaxMind-format database (GeoLite2-Country, GeoIP2-Country or -City, DB-IP lite). */
public final class MaxMindCountryLookup implements CountryLookup, AutoCloseable {
    private final DatabaseReader reader;

    public MaxMindCountryLookup(Path database) {
        try {
            this.reader = new DatabaseReader.Builder(database.toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open GeoIP database " + database, e);
        }
    }

    @Override
    public String country(InetAddress address) {
        try {
            Optional<CountryResponse> response = reader.tryCountry(address);
            return response.map(r -> r.getCountry().getIsoCode()).filter(code -> code != null && !code.isEmpty())
                    .orElse(Visit.UNKNOWN_COUNTRY);
        } catch (IOException | GeoIp2Exception | UnsupportedOperationException e) {
            return Visit.UNKNOWN_COUNTRY;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only memory map; nothing to flush
        }
    }
}
