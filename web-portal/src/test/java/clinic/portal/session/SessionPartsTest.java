package clinic.portal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of session protection that need no server: the sign-out record, the CSRF key, origins. */
class SessionPartsTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSignedOutSessionStaysRefusedForTheRetentionTimeThenIsForgotten() {
        Moving clock = new Moving();
        SignedOutSessions sessions = new SignedOutSessions(Duration.ofHours(10), 1000, clock);
        sessions.signedOut("sid-1");
        sessions.signedOut(null);
        assertThat(sessions.isSignedOut("sid-1")).isTrue();
        assertThat(sessions.isSignedOut("sid-2")).isFalse();
        assertThat(sessions.isSignedOut(null)).isFalse();
        clock.now = clock.now.plus(Duration.ofHours(9));
        assertThat(sessions.isSignedOut("sid-1")).isTrue();
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(sessions.isSignedOut("sid-1")).isFalse();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void whenFullTheOldestSignOutMakesRoomAndTheNewestIsAlwaysKept() {
        Moving clock = new Moving();
        SignedOutSessions sessions = new SignedOutSessions(Duration.ofHours(10), 3, clock);
        for (int i = 1; i <= 4; i++) {
            sessions.signedOut("sid-" + i);
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.isSignedOut("sid-1")).isFalse();
        assertThat(sessions.isSignedOut("sid-4")).isTrue();
    }

    @Test
    void csrfTokensAreSignedPerSessionAndComparedExactly() {
        CsrfKey key = new CsrfKey(Optional.of("k".repeat(32)), Optional.empty());
        String a = key.tokenFor("sid:a");
        assertThat(a).isEqualTo(key.tokenFor("sid:a")).isNotEqualTo(key.tokenFor("sid:b"));
        assertThat(key.matches("sid:a", a)).isTrue();
        assertThat(key.matches("sid:b", a)).isFalse();
        assertThat(key.matches("sid:a", a + "x")).isFalse();
        assertThat(key.matches("sid:a", "")).isFalse();
        assertThat(key.matches("sid:a", null)).isFalse();
        assertThat(key.matches(null, a)).isFalse();
        // Another key (another deployment) makes other tokens.
        CsrfKey other = new CsrfKey(Optional.of("o".repeat(32)), Optional.empty());
        assertThat(other.matches("sid:a", a)).isFalse();
    }

    @Test
    void theKeyIsDerivedFromTheSessionSecretWhenNotSetAndMustBeLongEnough() {
        CsrfKey derived = new CsrfKey(Optional.empty(), Optional.of("s".repeat(40)));
        CsrfKey same = new CsrfKey(Optional.empty(), Optional.of("s".repeat(40)));
        assertThat(derived.tokenFor("sid:a")).isEqualTo(same.tokenFor("sid:a"));
        // Derived, not the secret itself.
        assertThat(derived.tokenFor("sid:a"))
                .isNotEqualTo(new CsrfKey(Optional.of("s".repeat(40)), Optional.empty()).tokenFor("sid:a"));
        assertThatThrownBy(() -> new CsrfKey(Optional.of("short"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void originsAreComparedBySchemeHostAndPort() {
        assertThat(RequestChecks.origin("https://Portal.Example.org")).isEqualTo("https://portal.example.org:443");
        assertThat(RequestChecks.origin("https://portal.example.org:443/a?b"))
                .isEqualTo("https://portal.example.org:443");
        assertThat(RequestChecks.origin("http://localhost:8080/patients")).isEqualTo("http://localhost:8080");
        assertThat(RequestChecks.origin("null")).isNull();
        assertThat(RequestChecks.origin("")).isNull();
        assertThat(RequestChecks.origin("/relative")).isNull();
        assertThat(RequestChecks.origin("http://exa mple")).isNull();
    }
}
