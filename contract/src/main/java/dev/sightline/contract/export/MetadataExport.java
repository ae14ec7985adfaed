package dev.sightline.contract.export;

import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.LoginSession;
import java.util.List;

/**
 * What a {@link dev.sightline.contract.meta.MetadataStore} holds but its own reads cannot list, for
 * copying an installation into another: every account (members of no project too), every login and
 * every note.
 */
public interface MetadataExport {

    /** Every account, oldest first. */
    List<Account> accounts();

    /** Every signed-in browser, expired ones too. */
    List<LoginSession> loginSessions();

    /** Every note on the project's recordings, by session id. */
    List<RecordingNote> notes(String projectId);
}
