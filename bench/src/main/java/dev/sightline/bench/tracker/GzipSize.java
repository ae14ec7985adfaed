package dev.sightline.bench.tracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Size after {@code gzip -9}, as Clarity's 26.7 KB figure was measured: the gzip program reading the
 * file (tracker/scripts/gzip-size.js does the same), else zlib at level 9 when there is no gzip program.
 */
final class GzipSize {

    private GzipSize() {
    }

    static long of(Path file) {
        try {
            Process gzip = new ProcessBuilder("gzip", "-9c", file.toString()).redirectErrorStream(false).start();
            long size = gzip.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (gzip.waitFor() == 0) {
                return size;
            }
        } catch (IOException notInstalled) {
            // zlib below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(Files.readAllBytes(file));
            }
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
