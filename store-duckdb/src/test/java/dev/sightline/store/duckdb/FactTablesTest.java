package dev.sightline.store.duckdb;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.wire.Consent;
import dev.sightline.contract.wire.Page;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event kind with a fact table lands there, carrying its page's key and device class for heatmaps. */
class FactTablesTest {

    @TempDir
    Path dataDir;

    @Test
    void everyKindLandsInItsTableWithPageKeyDeviceClassAndAbsoluteTime() throws Exception {
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            store.write(List.of(batch("p1", "s1").page(2).pageStartedAt(T0)
                    .url("https://shop.example/pricing?utm_source=x").pageKey("https://shop.example/pricing")
                    .device(DeviceClass.MOBILE)
                    .event(new Page(0, "https://shop.example/pricing", "Pricing", "", 390, 844, 390, 844, 300,
                            "de-DE", "Europe/Berlin", 3000, 0))
                    .event(new Consent(1, 1))
                    .oneOfEachFact(100)
                    .build()));
        }

        try (DuckDBConnection connection = RawDatabase.connect(dataDir.resolve(DuckDbEventStore.FILE_NAME))) {
            long offset = 0;
            for (String table : EventSchema.FACT_TABLES) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*), any_value(project_id), any_value(session_id), any_value(page_number), "
                                + "any_value(page_key), any_value(device_class)::VARCHAR, any_value(epoch_us(ts)) "
                                + "FROM " + table);
                     ResultSet row = select.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).as(table).isEqualTo(1);
                    assertThat(row.getString(2)).isEqualTo("p1");
                    assertThat(row.getString(3)).isEqualTo("s1");
                    assertThat(row.getInt(4)).isEqualTo(2);
                    assertThat(row.getString(5)).isEqualTo("https://shop.example/pricing");
                    assertThat(row.getString(6)).isEqualTo("MOBILE");
                    // oneOfEachFact puts kind i at t = 100 + i, in FACT_TABLES order.
                    assertThat(row.getLong(7)).as(table).isEqualTo(Micros.of(T0.plusMillis(100 + offset)));
                }
                offset++;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT viewport_w, x, y, selector, rel_x, rel_y, tag, text, flags, width, height FROM clicks");
                 ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1440);
                assertThat(row.getString(4)).isEqualTo("#buy");
                assertThat(row.getString(8)).isEqualTo("Buy");
            }
        }
    }
}
