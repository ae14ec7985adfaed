package dev.sightline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void hashesAreArgon2idPhcStringsWithARandomSaltAndNoPassword() {
        String first = hasher.hash("s3cret-password");
        String second = hasher.hash("s3cret-password");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("s3cret");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertThat(hasher.verify("x", "$2a$10$notargon")).isFalse();
    }
}
