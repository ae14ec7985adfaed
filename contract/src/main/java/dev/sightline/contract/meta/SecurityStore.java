package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may reach which project's data, and the traces access leaves: project members, invitations,
 * API tokens, the login audit and the erasure log. Part of the {@link MetadataStore}
 * ({@link MetadataStore#security()}).
 */
public interface SecurityStore {

    /** The owner of the installation, once there is one. */
    Optional<Account> owner();

    /** The memberships of a project, in no particular order. */
    List<Membership> members(String projectId);

    /** Removes an account from a project; unknown pairs are ignored. */
    void deleteMembership(String accountId, String projectId);

    /** Ends every login of the account except the one whose token hash is given (may be empty). */
    void deleteLoginSessionsOf(String accountId, String exceptTokenHash);

    /** Inserts or replaces the invitation with this id. */
    void saveInvite(Invite invite);

    Optional<Invite> inviteByTokenHash(String tokenHash);

    /** A project's open invitations, oldest first. */
    List<Invite> invites(String projectId);

    void deleteInvite(String id);

    /** Inserts or replaces the token with this id. */
    void saveApiToken(ApiToken token);

    Optional<ApiToken> apiTokenByHash(String tokenHash);

    /** A project's tokens, oldest first. */
    List<ApiToken> apiTokens(String projectId);

    /** Deletes the token if it belongs to the project; answers whether it did. */
    boolean deleteApiToken(String projectId, String tokenId);

    /** Notes that the token was used at this time. */
    void apiTokenUsed(String tokenId, Instant at);

    void recordLogin(LoginEvent event);

    /** The latest login events, newest first. */
    List<LoginEvent> logins(int limit);

    /** Drops login events older than the cutoff; returns how many went. */
    long deleteLoginsBefore(Instant cutoff);

    /** Drops login sessions and invitations that expired before {@code now}; returns how many went. */
    long deleteExpired(Instant now);

    void recordErasure(ErasureRecord record);

    /** A project's erasures, newest first. */
    List<ErasureRecord> erasures(String projectId);
}
