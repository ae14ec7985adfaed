package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** What a project's members noted on one recording: a favourite, labels and a note. */
public record RecordingNote(String projectId, String sessionId, boolean favourite, List<String> labels, String note,
                            String updatedBy, Instant updatedAt) {
    public RecordingNote {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        labels = List.copyOf(labels);
        requireNonNull(note, "note is null");
        requireNonNull(updatedBy, "updatedBy is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** Favourited and labelled recordings are kept past the project's retention. */
    public boolean keeps() {
        return favourite || !labels.isEmpty();
    }
}
