package dev.openuapi.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Snapshots;

/**
 * Token rotation (issue 19 §3), for both kinds of token: a token gets a new value, and its old value keeps working for a
 * grace period, on every replica, and not a second longer.
 *
 * <p>In one transaction, on the locked row: the current hash (and the fingerprint of its check's key) moves to
 * {@code previous_token_hash} ({@code previous_check_key}), {@code previous_valid_until} becomes now + grace (capped at
 * the token's own expiry), and a new value is issued exactly as on create ({@link TokenValues#issue}). A grace of 0
 * stores no previous value at all: the old value stops at once. There is one previous value at a time: a second
 * rotation during a grace period replaces it, so the value before that stops at once. The token keeps its name,
 * creation time, expiry, allow-list and rights.
 *
 * <p>Every replica drops what it remembers of the old value, of the value before it and of the new one: the change
 * feed carries a tag for each hash ({@link Snapshots#changed}), committed with the rotation.
 */
@ApplicationScoped
public class TokenRotationService {

    private static final Logger LOG = Logger.getLogger(TokenRotationService.class);

    /** The longest grace period: a day. */
    public static final int MAX_GRACE_SECONDS = 86_400;
    /** The answer to a grace period out of range. */
    public static final String BAD_GRACE = "The “grace_seconds” value must be a whole number of seconds from 0 to " + MAX_GRACE_SECONDS + ".";

    /**
     * A rotated token: the new value (shown once, nowhere else, ever) and the last second the old value works
     * ({@code null}: it stopped at once).
     */
    public record Rotated(String name, String value, Long expiresAt, Long previousValidUntil) {
    }

    /**
     * The hook for token scopes (issue 19 §1, "no escalation"): whether the caller may rotate this token. Rotation
     * never changes a token's rights, so a caller may rotate any token it may manage, and a token may always rotate
     * itself ({@link #isSelf}). Each face builds it from who is calling; refused, the rotation answers 403.
     */
    @FunctionalInterface
    public interface RotationRights {
        boolean mayRotate(TokenRecord token);
    }

    /** Whether {@code callerTokenHash} (the hash of the value the request came with) is this token's current or previous value. */
    public static boolean isSelf(TokenRecord token, String callerTokenHash) {
        return callerTokenHash != null && (callerTokenHash.equals(token.tokenHash) || callerTokenHash.equals(token.previousTokenHash));
    }

    private final ApiTokenRepository tokens;
    private final TokenChecks checks;

    TokenRotationService(ApiTokenRepository tokens, TokenChecks checks) {
        this.tokens = tokens;
        this.checks = checks;
    }

    /** The grace period asked for, if it is one: 0 to {@link #MAX_GRACE_SECONDS} seconds. */
    public static int checkGrace(long graceSeconds) {
        if (graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
            throw ApiException.invalid(BAD_GRACE);
        }
        return (int) graceSeconds;
    }

    /** Rotates an account's cPanel API token. */
    @Transactional
    public Rotated rotateApiToken(long accountId, String name, long graceSeconds, RotationRights rights) {
        int grace = checkGrace(graceSeconds);
        ApiToken token = tokens.findByNameForUpdate(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        Rotated rotated = rotate(token, "token", grace, rights);
        LOG.infof("Rotated API token %s of account %s (grace %d s)", name, token.account.username, grace);
        return rotated;
    }

    /**
     * The rotation itself, on a token whose row the caller's transaction has locked (a {@code findByNameForUpdate}):
     * two rotations of one token queue up, and the second one's previous value is the first one's new value.
     *
     * @param kind the token's tag kind in the change feed ({@code token}, {@code whm-token}: its {@link Snapshots.Source})
     */
    public Rotated rotate(TokenRecord token, String kind, int graceSeconds, RotationRights rights) {
        checkGrace(graceSeconds);
        if (!rights.mayRotate(token)) {
            throw ApiException.forbidden("You may not rotate the API token " + Quote.of(token.name) + ".");
        }
        long now = Epoch.now();
        String oldHash = token.tokenHash;
        String oldCheckKey = token.checkKey;
        String replacedPrevious = token.previousTokenHash;
        long createTime = token.createTime;
        Long validUntil = null;
        if (graceSeconds > 0) {
            long until = now + graceSeconds;
            validUntil = token.expiresAt == null ? until : Math.min(until, token.expiresAt);
        }
        String value = TokenValues.issue(token, checks, token.name, now, token.expiresAt);
        token.createTime = createTime; // the same token, with a new value: it keeps its creation time
        token.previousTokenHash = validUntil == null ? null : oldHash;
        token.previousCheckKey = validUntil == null ? null : oldCheckKey;
        token.previousValidUntil = validUntil;
        // Every replica forgets the old value (it stops, or it now ends at previous_valid_until), the value it replaces as
        // the previous one (it stops now), and the new one (a replica may remember it as naming no token).
        Snapshots.changed(Snapshots.tag(kind, oldHash));
        if (replacedPrevious != null) {
            Snapshots.changed(Snapshots.tag(kind, replacedPrevious));
        }
        Snapshots.changed(Snapshots.tag(kind, token.tokenHash));
        return new Rotated(token.name, value, token.expiresAt, validUntil);
    }
}
