package dev.sightline.store.disk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code yyyy/mm/dd} folders of a project; anything else in the tree is left alone. */
final class DayFolders {

    record Day(LocalDate date, Path folder) {
    }

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern MONTH_OR_DAY = Pattern.compile("[0-9]{2}");

    private DayFolders() {
    }

    static List<Day> of(Path projectFolder) throws IOException {
        List<Day> days = new ArrayList<>();
        for (Path year : folders(projectFolder, YEAR)) {
            for (Path month : folders(year, MONTH_OR_DAY)) {
                for (Path day : folders(month, MONTH_OR_DAY)) {
                    try {
                        days.add(new Day(LocalDate.of(number(year), number(month), number(day)), day));
                    } catch (DateTimeException notADate) {
                        // 2026/02/31 was not written by this store; leave it.
                    }
                }
            }
        }
        return days;
    }

    private static List<Path> folders(Path parent, Pattern name) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (name.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry)) {
                    folders.add(entry);
                }
            }
        }
        return folders;
    }

    private static int number(Path folder) {
        return Integer.parseInt(folder.getFileName().toString());
    }
}
