package clinic.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this service has verified already, with the identity each one gave, so a token's RS256 signature,
 * issuer, audience and expiry are checked once and not again on every request it is sent with. The rules:
 *
 * <ul>
 *   <li>Keyed by the SHA-256 of the whole token: any other token, one that differs only in its signature included,
 *       is not found here and goes through the full check.
 *   <li>An entry is served only before its expiry, which the caller sets to the token's {@code exp} (the instant the
 *       full check starts refusing it) or sooner; never after.
 *   <li>Any change of the identity provider's key set empties the cache ({@link #keysChanged}), so no token is
 *       accepted from here that was verified with a key set the service no longer holds. A check that was running
 *       while the keys changed is not kept.
 *   <li>Only verified tokens are kept; a refused token is checked again each time it is sent.
 *   <li>Bounded: when full, the expired entries are dropped, and if it is still full it starts again empty.
 * </ul>
 */
public final class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long expiresAtMillis, long generation) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;
    private final LongSupplier clock;

    public VerifiedTokens(int maxEntries) {
        this(maxEntries, System::currentTimeMillis);
    }

    VerifiedTokens(int maxEntries, LongSupplier clock) {
        this.maxEntries = Math.max(1, maxEntries);
        this.clock = clock;
    }

    /** The identity of a token verified before and not yet expired, or null. */
    public SecurityIdentity get(String token) {
        String key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation() != generation.get() || clock.getAsLong() >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.identity();
    }

    /** Taken before a token's full check starts and handed to {@link #put}: a check older than a key change is dropped. */
    public long generation() {
        return generation.get();
    }

    /**
     * Keeps a token that the full check accepted, until {@code expiresAtMillis}; nothing is kept when the keys changed
     * since {@code generationAtStart} or the token is already expired.
     */
    public void put(String token, SecurityIdentity identity, long expiresAtMillis, long generationAtStart) {
        long now = clock.getAsLong();
        if (generationAtStart != generation.get() || now >= expiresAtMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis() || e.generation() != generation.get());
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(token), new Entry(identity, expiresAtMillis, generationAtStart));
    }

    /** The identity provider's keys were (re)loaded: nothing verified before may be served any more. */
    public void keysChanged() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
