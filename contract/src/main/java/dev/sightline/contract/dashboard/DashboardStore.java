package dev.sightline.contract.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dashboard's own metadata: saved segments, saved funnels and notes on recordings. */
public interface DashboardStore {

    /** The project's segments by name. */
    List<Segment> segments(String projectId);

    /** Inserts or replaces the segment with this project and id. */
    void saveSegment(Segment segment);

    /** @return false when the project has no such segment */
    boolean deleteSegment(String projectId, String segmentId);

    /** The project's funnels by name. */
    List<SavedFunnel> funnels(String projectId);

    void saveFunnel(SavedFunnel funnel);

    boolean deleteFunnel(String projectId, String funnelId);

    Optional<RecordingNote> note(String projectId, String sessionId);

    /** The notes of those sessions that have one, by session id. */
    Map<String, RecordingNote> notes(String projectId, Collection<String> sessionIds);

    /** Inserts or replaces the note of this project and session. */
    void saveNote(RecordingNote note);

    /** Deletes the notes of sessions that are deleted (retention, erasure); unknown ones are ignored. */
    void deleteNotes(String projectId, Collection<String> sessionIds);
}
