package dev.openuapi.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.Snapshots;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.WhmToken;
import dev.openuapi.operator.WhmTokenRepository;
import dev.openuapi.token.ApiToken;
import dev.openuapi.token.ApiTokenRepository;
import dev.openuapi.token.TokenRecord;

/**
 * What a token stands for, by the hash of its value, answered from memory ({@link Snapshots}, kept current
 * by the change feed): the token's own fields and its owner as it is now, or no owner while the owner may not use
 * tokens (a suspended account, a reseller that is one no more). A hash that names no token is remembered
 * too, so a revoked token sent in a loop costs no more than a valid one.
 */
@ApplicationScoped
public class TokenIdentityService {

    /**
     * A token as the credential check needs it.
     *
     * @param owner    the identity it authenticates, {@code null} while its owner may not use tokens
     * @param lastUsed when its last use was stored, as read
     * @param name     the token's name, as its owner sees it
     * @param rateLimitPerMinute the most calls a minute it may make (issue 20 §2); {@code null}: no limit (every WHM token)
     */
    public record CachedToken<O>(long id, String tokenHash, String ownerName, Long expiresAt, List<String> allowList, O owner,
            Long lastUsed, List<String> tags, String name, Integer rateLimitPerMinute) {

        /** The token's rate limit, {@code null} when it has none. */
        public TokenRateLimiter.Limit rateLimit() {
            return rateLimitPerMinute == null ? null : new TokenRateLimiter.Limit(id, name, rateLimitPerMinute);
        }

        public boolean isExpiredAt(long epochSecond) {
            return TokenRecord.isExpired(expiresAt, epochSecond);
        }
    }

    private final ApiTokenRepository tokens;
    private final WhmTokenRepository whmTokens;
    private final AccountRepository accounts;
    private final LoadingCache<String, Optional<CachedToken<Principal>>> cpanel;
    private final LoadingCache<String, Optional<CachedToken<WhmUser>>> whm;

    TokenIdentityService(ApiTokenRepository tokens, WhmTokenRepository whmTokens, AccountRepository accounts, OpenUapiConfig config,
            ExecutorService executor) {
        this.tokens = tokens;
        this.whmTokens = whmTokens;
        this.accounts = accounts;
        long size = config.tokens().cacheSize();
        this.cpanel = Snapshots.cache(size, executor, this::loadCpanel, this::loadCpanelAll, (hash, found) -> tags(found, "token", hash));
        this.whm = Snapshots.cache(size, executor, this::loadWhm, (hash, found) -> tags(found, "whm-token", hash));
    }

    /** A cPanel API token by the hash of its value. */
    public Optional<CachedToken<Principal>> cpanel(String tokenHash) {
        return cpanel.get(tokenHash);
    }

    /** The same when it is in memory (a token or a hash known to name none); {@code null} when it is not. */
    public Optional<CachedToken<Principal>> cpanelInMemory(String tokenHash) {
        return cpanel.getIfPresent(tokenHash);
    }

    /** A WHM API token by the hash of its value. */
    public Optional<CachedToken<WhmUser>> whm(String tokenHash) {
        return whm.get(tokenHash);
    }

    /** The same when it is in memory; {@code null} when it is not. */
    public Optional<CachedToken<WhmUser>> whmInMemory(String tokenHash) {
        return whm.getIfPresent(tokenHash);
    }

    /**
     * One lookup on the unique hash indexes (the current value's and, after a rotation, the previous one's), with the
     * owning account in the same query. The principal carries the token's scope (issue 19 §1), read from the token's own
     * row: a PATCH of it is tagged with the token, so every replica forgets this snapshot within the change feed's period.
     * So is its rate limit (issue 20 §2), which {@link TokenRateLimiter} reads from here.
     */
    Optional<CachedToken<Principal>> loadCpanel(String tokenHash) {
        return tokens.findByHashOrPreviousWithAccount(tokenHash).map(t -> cachedCpanel(t, tokenHash));
    }

    /** The same for many hashes in one statement, each answered (empty: no token): the snapshots' bulk refresh. */
    Map<String, Optional<CachedToken<Principal>>> loadCpanelAll(Set<String> tokenHashes) {
        Map<String, Optional<CachedToken<Principal>>> found = new HashMap<>();
        for (ApiToken token : tokens.findByHashesOrPreviousWithAccount(tokenHashes)) {
            for (String presented : new String[] { token.tokenHash, token.previousTokenHash }) {
                if (presented != null && tokenHashes.contains(presented)) {
                    found.put(presented, Optional.of(cachedCpanel(token, presented)));
                }
            }
        }
        tokenHashes.forEach(hash -> found.putIfAbsent(hash, Optional.empty()));
        return found;
    }

    private static CachedToken<Principal> cachedCpanel(ApiToken t, String presented) {
        return cached(t, presented, t.account.username, t.account.suspended ? null : t.account.principal().withScope(t.scope()), "token",
                t.account.id, t.account.planId, t.rateLimitPerMinute);
    }

    private Optional<CachedToken<WhmUser>> loadWhm(String tokenHash) {
        return whmTokens.findByHashOrPrevious(tokenHash).map(t -> cached(t, tokenHash, t.owner, activeWhmUser(t), "whm-token", t.accountId,
                null, null));
    }

    /**
     * The token's fields as the value with hash {@code presented} authenticates it, and the tags of the rows they
     * were read from (the token, its account or reseller, the account's plan), so that the change feed can name
     * them. A rotated token's previous value (issue 19 §3) stands for the same token until its grace period ends: its
     * expiry is the earlier of the token's and {@code previous_valid_until}, so that the answer from memory stops at
     * that second without a new statement; it is tagged with both hashes, so that a change of the token (written
     * under its current hash) or a rotation (which writes both) drops it too.
     */
    private static <O> CachedToken<O> cached(TokenRecord token, String presented, String ownerName, O owner, String kind, Long accountId,
            Long planId, Integer rateLimitPerMinute) {
        boolean previous = !presented.equals(token.tokenHash);
        List<String> tags = new ArrayList<>(List.of(Snapshots.tag(kind, token.tokenHash)));
        Long expiresAt = token.expiresAt;
        if (previous) {
            tags.add(Snapshots.tag(kind, presented));
            long until = token.previousValidUntil == null ? Long.MIN_VALUE : token.previousValidUntil; // none: expired already
            expiresAt = expiresAt == null ? until : Math.min(expiresAt, until);
        }
        if (accountId != null) {
            tags.add(Snapshots.tag("account", accountId));
        }
        if (planId != null) {
            tags.add(Snapshots.tag("plan", planId));
        }
        return new CachedToken<>(token.id, presented, ownerName, expiresAt,
                token.whitelistIps == null ? null : List.copyOf(token.whitelistIps), owner, token.lastUsedAt, List.copyOf(tags), token.name,
                rateLimitPerMinute);
    }

    /** An unknown hash is tagged as the token it would be, so that such a token's creation is seen. */
    private static Collection<String> tags(Optional<? extends CachedToken<?>> found, String kind, String hash) {
        return found.isPresent() ? found.get().tags() : List.of(Snapshots.tag(kind, hash));
    }

    /** A WHM token's user: root, or a reseller while its account is a reseller and not suspended. */
    private WhmUser activeWhmUser(WhmToken token) {
        if (token.accountId == null) {
            return WhmUser.root(tokenAcls(token));
        }
        Account reseller = accounts.findById(token.accountId);
        if (reseller == null || !reseller.isReseller() || reseller.suspended) {
            return null;
        }
        return WhmUser.reseller(reseller.principal(), tokenAcls(token));
    }

    private static Set<String> tokenAcls(WhmToken token) {
        return token.acls == null ? null : new TreeSet<>(token.acls); // sorted, as every list of ACLs is
    }
}
