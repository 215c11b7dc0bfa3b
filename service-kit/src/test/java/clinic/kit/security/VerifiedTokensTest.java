package clinic.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final VerifiedTokens tokens = new VerifiedTokens(3, now::get);

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> name)
                .addRole("patient")
                .build();
    }

    @Test
    void aVerifiedTokenIsServedUntilItsExpiryAndNeverAfter() {
        SecurityIdentity alice = identity("alice");
        tokens.put("token-a", alice, now.get() + 5_000, tokens.generation());
        assertThat(tokens.get("token-a")).isSameAs(alice);

        now.addAndGet(4_999);
        assertThat(tokens.get("token-a")).isSameAs(alice);

        now.addAndGet(1);
        assertThat(tokens.get("token-a"))
                .as("at exp the full check refuses it, so the cache does too")
                .isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anyOtherTokenIsAMissEvenWithTheSameClaimsAndAnotherSignature() {
        tokens.put("header.claims.signature", identity("alice"), now.get() + 5_000, tokens.generation());
        assertThat(tokens.get("header.claims.signaturf")).isNull();
        assertThat(tokens.get("header.claims.")).isNull();
        assertThat(tokens.get("header.claims.signature ")).isNull();
    }

    @Test
    void anExpiredTokenIsNotKept() {
        tokens.put("old", identity("alice"), now.get(), tokens.generation());
        assertThat(tokens.get("old")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aChangeOfTheKeySetDropsEverythingVerifiedBefore() {
        tokens.put("token-a", identity("alice"), now.get() + 60_000, tokens.generation());
        tokens.keysChanged();
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    void aCheckThatStartedBeforeAKeyChangeIsNotKept() {
        long before = tokens.generation();
        tokens.keysChanged();
        tokens.put("token-a", identity("alice"), now.get() + 60_000, before);
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        for (int i = 0; i < 10; i++) {
            tokens.put("token-" + i, identity("u" + i), now.get() + 60_000, tokens.generation());
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.get("token-9")).isNotNull();
    }

    @Test
    void whenFullTheExpiredGoFirst() {
        tokens.put("short", identity("a"), now.get() + 1_000, tokens.generation());
        tokens.put("long-1", identity("b"), now.get() + 60_000, tokens.generation());
        tokens.put("long-2", identity("c"), now.get() + 60_000, tokens.generation());
        now.addAndGet(2_000);
        tokens.put("long-3", identity("d"), now.get() + 60_000, tokens.generation());
        assertThat(tokens.get("long-1")).isNotNull();
        assertThat(tokens.get("long-2")).isNotNull();
        assertThat(tokens.get("long-3")).isNotNull();
        assertThat(tokens.get("short")).isNull();
    }
}
