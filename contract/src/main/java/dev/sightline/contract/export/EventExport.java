package dev.sightline.contract.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading back everything an event store holds, in the contract's own terms, to copy an installation
 * into another (the embedded one into a cluster). Sessions are listed by project and day, then read
 * in slices of the sorted ids; the source must not change meanwhile.
 */
public interface EventExport extends EventCounts, AutoCloseable {

    /** The projects and days sessions started on, oldest day first. */
    List<SessionDay> days();

    /** The sessions of the project that started on the UTC day, sorted by id. */
    List<String> sessionIds(String projectId, LocalDate day);

    /** The sessions, in the order given; unknown ids are left out. */
    List<ExportedSession> sessions(String projectId, List<String> sessionIds);

    /** The UTC days each session's page views started on (where its recording chunks are filed), by session id. */
    Map<String, Set<LocalDate>> recordingDays(String projectId, List<String> sessionIds);

    /** The analysis results of the sessions' analysed page views. */
    List<ExportedAnalysis> analyses(String projectId, List<String> sessionIds);

    @Override
    void close();
}
