package dev.sightline.members;

import dev.sightline.auth.Tokens;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Role;
import dev.sightline.http.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who belongs to a project and with which role. The owner of the installation administers every
 * project and cannot be removed from one. People with an account are added at once; people without
 * one get an invitation link (valid {@link #INVITE_LIFETIME}) to create their account.
 */
public final class Members {
    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    /** A member as shown: the owner carries {@code owner = true} and the admin role. */
    public record Member(String accountId, String email, Role role, boolean owner) {
    }

    /** The outcome of adding someone: a member now, or an invitation with its one-time secret. */
    public record Added(Optional<Member> member, Optional<Invite> invite, Optional<String> inviteSecret) {
    }

    private final MetadataStore metadata;
    private final Clock clock;

    public Members(MetadataStore metadata, Clock clock) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The owner first, then the members by e-mail. */
    public List<Member> of(String projectId) {
        List<Member> members = new ArrayList<>();
        for (Membership membership : metadata.security().members(projectId)) {
            metadata.account(membership.accountId()).filter(account -> !account.owner()).ifPresent(account ->
                    members.add(new Member(account.id(), account.email(), membership.role(), false)));
        }
        members.sort(Comparator.comparing(Member::email));
        owner().ifPresent(owner -> members.add(0, new Member(owner.id(), owner.email(), Role.ADMIN, true)));
        return List.copyOf(members);
    }

    public Added add(String projectId, String email, Role role, String invitedBy) {
        Objects.requireNonNull(role, "role is null");
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw HttpProblem.badRequest("invalid_email", "enter a valid e-mail address");
        }
        Optional<Account> account = metadata.accountByEmail(normalized);
        if (account.isPresent()) {
            if (account.get().owner()) {
                throw HttpProblem.conflict("owner", "the owner administers every project already");
            }
            metadata.saveMembership(new Membership(account.get().id(), projectId, role));
            return new Added(Optional.of(new Member(account.get().id(), account.get().email(), role, false)),
                    Optional.empty(), Optional.empty());
        }
        for (Invite open : metadata.security().invites(projectId)) {
            if (open.email().equals(normalized)) {
                metadata.security().deleteInvite(open.id());
            }
        }
        String secret = Tokens.random(24);
        Instant now = clock.instant();
        Invite invite = new Invite(UUID.randomUUID().toString(), Tokens.sha256(secret), projectId, normalized, role,
                invitedBy, now, now.plus(INVITE_LIFETIME));
        metadata.security().saveInvite(invite);
        return new Added(Optional.empty(), Optional.of(invite), Optional.of(secret));
    }

    public void changeRole(String projectId, String accountId, Role role) {
        requireMember(projectId, accountId);
        metadata.saveMembership(new Membership(accountId, projectId, role));
    }

    public void remove(String projectId, String accountId) {
        requireMember(projectId, accountId);
        metadata.security().deleteMembership(accountId, projectId);
    }

    /** A project's invitations that have not expired. */
    public List<Invite> invites(String projectId) {
        Instant now = clock.instant();
        return metadata.security().invites(projectId).stream().filter(i -> i.expiresAt().isAfter(now)).toList();
    }

    public void revokeInvite(String projectId, String inviteId) {
        boolean found = metadata.security().invites(projectId).stream().anyMatch(i -> i.id().equals(inviteId));
        if (!found) {
            throw HttpProblem.notFound("invitation");
        }
        metadata.security().deleteInvite(inviteId);
    }

    private void requireMember(String projectId, String accountId) {
        if (owner().map(Account::id).filter(accountId::equals).isPresent()) {
            throw HttpProblem.conflict("owner", "the owner administers every project; their role cannot change");
        }
        boolean member = metadata.security().members(projectId).stream().anyMatch(m -> m.accountId().equals(accountId));
        if (!member) {
            throw HttpProblem.notFound("member");
        }
    }

    private Optional<Account> owner() {
        return metadata.security().owner();
    }

    static Role role(String value) {
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_role", "role is one of ADMIN, MEMBER, VIEWER");
        }
    }
}
