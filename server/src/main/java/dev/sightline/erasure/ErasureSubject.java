package dev.sightline.erasure;

import dev.sightline.auth.Tokens;
import dev.sightline.contract.meta.ErasureRecord.SubjectKind;
import dev.sightline.http.HttpProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The person an erasure is about: a visitor id, or a user by the id the site passed to
 * {@code identify} (hashed here exactly as the tracker hashes it: SHA-256 of its UTF-8 bytes, as
 * lower-case hex) or by that hash.
 *
 * @param value the visitor id, or the user's hash
 */
public record ErasureSubject(SubjectKind kind, String value) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_ID = 512;

    /** Exactly one of the three must be given. */
    public static ErasureSubject of(String visitorId, String userId, String userHash) {
        int given = (present(visitorId) ? 1 : 0) + (present(userId) ? 1 : 0) + (present(userHash) ? 1 : 0);
        if (given != 1) {
            throw HttpProblem.badRequest("invalid_subject", "give exactly one of visitorId, userId, userHash");
        }
        if (present(visitorId)) {
            String id = visitorId.strip();
            if (id.length() > MAX_ID) {
                throw HttpProblem.badRequest("invalid_subject", "visitorId is too long");
            }
            return new ErasureSubject(SubjectKind.VISITOR, id);
        }
        if (present(userId)) {
            if (userId.length() > MAX_ID) {
                throw HttpProblem.badRequest("invalid_subject", "userId is too long");
            }
            return new ErasureSubject(SubjectKind.USER, Tokens.sha256(userId));
        }
        String hash = userHash.strip().toLowerCase(Locale.ROOT);
        if (!HASH.matcher(hash).matches()) {
            throw HttpProblem.badRequest("invalid_subject", "userHash is 64 hexadecimal characters (SHA-256)");
        }
        return new ErasureSubject(SubjectKind.USER, hash);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The first characters, for the erasure log: enough to tell requests apart, too few to be the id. */
    public String hint() {
        return value.substring(0, Math.min(4, value.length())) + "…";
    }
}
