package dev.sightline.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.meta.ErasureRecord.SubjectKind;
import dev.sightline.http.HttpProblem;
import org.junit.jupiter.api.Test;

class ErasureSubjectTest {

    @Test
    void aUserIdIsHashedAsTheTrackerHashesIt() {
        // SHA-256("ada@example.com") as crypto.subtle.digest gives it, in lower-case hex.
        ErasureSubject subject = ErasureSubject.of(null, "ada@example.com", null);

        assertThat(subject.kind()).isEqualTo(SubjectKind.USER);
        assertThat(subject.value()).isEqualTo("b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72");
    }

    @Test
    void aGivenHashIsTakenInLowerCaseAndAVisitorIdAsItIs() {
        String hash = "AB".repeat(32);

        assertThat(ErasureSubject.of("", null, hash)).isEqualTo(new ErasureSubject(SubjectKind.USER, "ab".repeat(32)));
        assertThat(ErasureSubject.of(" v9k3j2h1g0f9e8d7c6b5 ", null, null))
                .isEqualTo(new ErasureSubject(SubjectKind.VISITOR, "v9k3j2h1g0f9e8d7c6b5"));
    }

    @Test
    void exactlyOneWayOfNamingThePersonIsRequired() {
        assertThatThrownBy(() -> ErasureSubject.of(null, null, null)).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> ErasureSubject.of("v1", "u1", null)).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> ErasureSubject.of(null, null, "not-a-hash")).isInstanceOf(HttpProblem.class);
    }

    @Test
    void theHintKeepsFourCharactersOnly() {
        assertThat(ErasureSubject.of("v9k3j2h1g0f9e8d7c6b5", null, null).hint()).isEqualTo("v9k3…");
    }
}
