package dev.openuapi.token;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.TokenScope;
import dev.openuapi.metrics.OpenUapiMetrics;

/**
 * Creating, listing, renaming and revoking an account's cPanel API tokens: the one core behind UAPI
 * {@code Tokens::*} and {@code /api/v1/tokens}. Messages are cPanel's (spec §3-§4).
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    /** A token as created: the value is in here once and nowhere else, ever. */
    public record CreatedToken(ApiToken token, String value) {
    }

    private final ApiTokenRepository tokens;
    private final TokenChecks checks;
    private final AccountRepository accounts;
    private final OpenUapiMetrics metrics;

    TokenService(ApiTokenRepository tokens, AccountRepository accounts, OpenUapiMetrics metrics, TokenChecks checks) {
        this.checks = checks;
        this.tokens = tokens;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @Transactional
    public List<ApiToken> list(long accountId) {
        return tokens.listForAccount(accountId);
    }

    /**
     * An unrestricted token, as cPanel's {@code Tokens::create_full_access} makes (and the operator's tools).
     *
     * @param expiresAt epoch seconds; {@code null} or 0 never expires; earlier than now is refused
     */
    @Transactional
    public CreatedToken create(long accountId, String name, Long expiresAt) {
        return insert(accountId, name, expiresAt, null, null, null);
    }

    /**
     * A token made by {@code caller}: limited to {@code scope} ({@code null}: unrestricted) and to the addresses of
     * {@code allowList} ({@code null} or empty: any). A scoped caller cannot make a token with more rights than its own
     * (issue 19 §1), and the features must be ones the account has.
     */
    @Transactional
    public CreatedToken create(Principal caller, String name, Long expiresAt, TokenScope scope, List<String> allowList) {
        return create(caller, name, expiresAt, scope, allowList, null);
    }

    /**
     * The same, with a rate limit (issue 20 §2): at most {@code rateLimitPerMinute} calls a minute, {@code null}: none. A
     * rate limit is not a right: any caller that may make a token may give it any limit, or none.
     */
    @Transactional
    public CreatedToken create(Principal caller, String name, Long expiresAt, TokenScope scope, List<String> allowList,
            Integer rateLimitPerMinute) {
        TokenRules.checkName(name);
        TokenScope checked = checkScope(caller, scope);
        checkNoEscalation(caller, checked, name);
        return insert(caller.accountId(), name, expiresAt, checked, allowList, checkRateLimit(rateLimitPerMinute, false));
    }

    /** The fewest and the most calls a minute a token's rate limit may allow. */
    public static final int MIN_RATE_LIMIT = 1;
    public static final int MAX_RATE_LIMIT = 100_000;

    static final String RATE_LIMIT_RANGE = "The “rate_limit_per_minute” argument must be a whole number from " + MIN_RATE_LIMIT + " to "
            + MAX_RATE_LIMIT + " (calls a minute)";

    /**
     * A rate limit as a client gave it: {@code null} (none, or unchanged on a change) or 1 to 100000; on a change 0 lifts the
     * limit, and is returned as 0.
     */
    static Integer checkRateLimit(Integer perMinute, boolean change) {
        if (perMinute == null || perMinute >= MIN_RATE_LIMIT && perMinute <= MAX_RATE_LIMIT || change && perMinute == 0) {
            return perMinute;
        }
        throw ApiException.invalid(RATE_LIMIT_RANGE + (change ? ", or 0 to remove the limit." : "; leave it out for no limit."));
    }

    private CreatedToken insert(long accountId, String name, Long expiresAt, TokenScope scope, List<String> allowList,
            Integer rateLimitPerMinute) {
        TokenRules.checkName(name);
        long now = Epoch.now();
        Long expiry = TokenRules.checkExpiry(expiresAt, now);
        List<String> ips = allowList == null ? null : IpAllowList.normalize(checkEntries(allowList));
        if (tokens.findByName(accountId, name).isPresent()) {
            throw TokenRules.duplicateOnCreate(name);
        }
        Account account = accounts.findById(accountId);
        if (account == null) {
            throw ApiException.notFound("The account does not exist.");
        }
        ApiToken token = new ApiToken();
        token.account = account;
        String value = TokenValues.issue(token, checks, name, now, expiry);
        limit(token, scope);
        token.whitelistIps = ips;
        token.rateLimitPerMinute = rateLimitPerMinute;
        // Two creates of one name may race past the check above; the unique key lets exactly one through.
        Unique.insert(tokens.getEntityManager(), token, TokenRules.duplicateOnCreate(name).getMessage());
        LOG.debugf("Created API token %s for account %s", name, account.username);
        metrics.tokenCreated("cpanel");
        return new CreatedToken(token, value);
    }

    /**
     * What a PATCH changes; a {@code null} field is left as it is.
     *
     * @param features  the features the token is limited to; empty: no feature limit
     * @param allowList the addresses and CIDR ranges; empty: any address
     * @param expiresAt when it expires (epoch seconds); 0: never
     * @param rateLimitPerMinute the most calls a minute (1 to 100000); 0: no limit
     */
    public record TokenChange(String newName, List<String> features, Boolean readOnly, List<String> allowList, Long expiresAt,
            Integer rateLimitPerMinute) {

        public TokenChange(String newName, List<String> features, Boolean readOnly, List<String> allowList, Long expiresAt) {
            this(newName, features, readOnly, allowList, expiresAt, null);
        }
    }

    /**
     * Changes a token's name, scope, allow-list, expiry or rate limit. A scoped caller may change only a token that is within its own
     * rights once changed (issue 19 §1: no escalation), whatever it changes.
     */
    @Transactional
    public ApiToken update(Principal caller, String name, TokenChange change) {
        long accountId = caller.accountId();
        // Locked: of two renames (or a rename and a revoke) of one name, exactly one finds it (issue 12 row 6).
        ApiToken token = tokens.findByNameForUpdate(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        TokenScope current = token.scope();
        List<String> features = change.features() != null ? change.features()
                : current == null ? List.of() : List.copyOf(current.features());
        boolean readOnly = change.readOnly() != null ? change.readOnly() : current != null && current.readOnly();
        TokenScope wanted = TokenScope.of(features, readOnly);
        if (change.features() != null) {
            checkScope(caller, wanted); // only a list given now: a token keeps a feature the account has since lost
        }
        checkNoEscalation(caller, wanted, name);
        Long expiry = change.expiresAt() == null ? token.expiresAt : TokenRules.checkExpiry(change.expiresAt(), Epoch.now());
        List<String> ips = change.allowList() == null ? token.whitelistIps : IpAllowList.normalize(checkEntries(change.allowList()));
        Integer rateLimit = checkRateLimit(change.rateLimitPerMinute(), true);
        if (change.newName() != null) {
            TokenRules.checkRename(name, change.newName());
            if (tokens.findByName(accountId, change.newName()).isPresent()) {
                throw TokenRules.duplicateOnRename(change.newName());
            }
            token.name = change.newName();
        }
        limit(token, wanted);
        token.expiresAt = expiry;
        token.whitelistIps = ips;
        if (rateLimit != null) {
            token.rateLimitPerMinute = rateLimit == 0 ? null : rateLimit;
        }
        Unique.flush(tokens.getEntityManager(), TokenRules.duplicateOnRename(token.name).getMessage());
        return token;
    }

    /** The features a token may use in {@code account}: its own list, or every feature the account has; sorted. */
    public static java.util.SortedSet<String> effectiveFeatures(ApiToken token, Principal account) {
        return TokenScope.effectiveFeatures(token.scope(), account.features());
    }

    private static void limit(ApiToken token, TokenScope scope) {
        token.features = scope == null || !scope.limitsFeatures() ? null : List.copyOf(scope.features());
        token.readOnly = scope != null && scope.readOnly();
    }

    /** The features named exist and the account has them; the scope as it will be stored. */
    private static TokenScope checkScope(Principal caller, TokenScope scope) {
        if (scope == null) {
            return null;
        }
        for (String feature : scope.features()) {
            if (!FeatureCatalog.exists(feature)) {
                throw ApiException.invalid(Quote.of(feature) + " is not a feature name. The features are: "
                        + String.join(", ", FeatureCatalog.names()) + ".");
            }
            if (!caller.hasFeature(feature)) {
                throw ApiException.invalid("You do not have the feature " + Quote.of(feature)
                        + ". A token cannot be limited to a feature the account does not have.");
            }
        }
        return scope;
    }

    /** A feature list as a client sent it: no empty or missing names. */
    public static List<String> checkFeatureNames(List<String> features) {
        if (features == null) {
            return null;
        }
        for (String feature : features) {
            if (feature == null || feature.isBlank()) {
                throw ApiException.invalid("A feature name cannot be empty.");
            }
        }
        return features;
    }

    private static List<String> checkEntries(List<String> entries) {
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                throw ApiException.invalid("An IP allow-list entry cannot be empty.");
            }
        }
        return entries;
    }

    /**
     * Issue 19 §1: a token never gives a token more rights than its own. Every create and change checks it; so must
     * anything else a scoped caller does to a token that it must not do to a wider one (rotation).
     *
     * @param wanted the token's scope once created or changed ({@code null}: unrestricted)
     * @param name   the token's name, for the message
     */
    public static void checkNoEscalation(Principal caller, TokenScope wanted, String name) {
        TokenScope mine = caller.scope();
        if (TokenScope.covers(mine, wanted)) {
            return;
        }
        String reason;
        if (wanted == null) {
            reason = "this token is limited, and " + Quote.of(name) + " would be unrestricted.";
        } else if (mine.readOnly() && !wanted.readOnly()) {
            reason = "this token is read-only, and " + Quote.of(name) + " would not be.";
        } else if (!wanted.limitsFeatures()) {
            reason = "this token is limited to " + String.join(", ", mine.features()) + ", and " + Quote.of(name)
                    + " would have every feature of the account.";
        } else {
            String extra = wanted.features().stream().filter(f -> !mine.features().contains(f)).findFirst().orElse("");
            reason = "this token does not have the feature " + Quote.of(extra) + ".";
        }
        throw ApiException.forbidden(ESCALATION + reason);
    }

    public static final String ESCALATION = "An API token cannot give a token more rights than its own: ";

    /**
     * Limits a token to addresses and CIDR ranges (normalised as cPanel does), or lifts the limit when
     * {@code entries} is empty. Only operators do this: cPanel's UAPI has no such function.
     */
    @Transactional
    public ApiToken setWhitelist(long accountId, String name, List<String> entries) {
        ApiToken token = tokens.findByName(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        token.whitelistIps = IpAllowList.normalize(entries);
        return token;
    }

    /**
     * A token as a backup keeps it (dev.openuapi.backup): never the value, only its SHA-512 and the key fingerprint of
     * its check, so that a restored account's old tokens work again.
     */
    public record KeptToken(String name, String tokenHash, String checkKey, long createTime, Long expiresAt, List<String> whitelistIps,
            List<String> features, boolean readOnly, Integer rateLimitPerMinute) {
    }

    /** The account's tokens as a backup keeps them. */
    @Transactional
    public List<KeptToken> export(long accountId) {
        return tokens.listForAccount(accountId).stream()
                .map(t -> new KeptToken(t.name, t.tokenHash, t.checkKey, t.createTime, t.expiresAt, t.whitelistIps, t.features, t.readOnly,
                        t.rateLimitPerMinute))
                .toList();
    }

    /**
     * Gives a restored account the tokens a backup kept. A token whose hash another account holds now (a restore under a
     * new name while the original account still exists), or whose name the account has already, is left out: its
     * name is returned, for the caller to report.
     */
    @Transactional
    public List<String> restore(long accountId, List<KeptToken> kept) {
        Account account = accounts.findById(accountId);
        if (account == null) {
            throw ApiException.notFound("The account does not exist.");
        }
        List<String> skipped = new java.util.ArrayList<>();
        for (KeptToken k : kept) {
            TokenRules.checkName(k.name());
            if (k.tokenHash() == null || !k.tokenHash().matches("[0-9a-f]{128}")) {
                throw ApiException.invalid("The API token " + Quote.of(k.name()) + " in the archive has no valid SHA-512 hash.");
            }
            if (tokens.findByName(accountId, k.name()).isPresent() || tokens.find("tokenHash", k.tokenHash()).firstResultOptional().isPresent()) {
                skipped.add(k.name());
                continue;
            }
            ApiToken token = new ApiToken();
            token.account = account;
            token.name = k.name();
            token.tokenHash = k.tokenHash();
            token.checkKey = k.checkKey();
            token.createTime = k.createTime();
            token.expiresAt = k.expiresAt();
            token.whitelistIps = k.whitelistIps() == null || k.whitelistIps().isEmpty() ? null : IpAllowList.normalize(k.whitelistIps());
            if (k.features() != null && !k.features().stream().allMatch(f -> f != null && f.matches("[a-z0-9_]{1,64}"))) {
                throw ApiException.invalid("The API token " + Quote.of(k.name()) + " in the archive has an invalid feature name.");
            }
            limit(token, TokenScope.of(k.features(), k.readOnly())); // unknown names stay: the token can use no such feature
            if (k.rateLimitPerMinute() != null && (k.rateLimitPerMinute() < MIN_RATE_LIMIT || k.rateLimitPerMinute() > MAX_RATE_LIMIT)) {
                throw ApiException.invalid("The API token " + Quote.of(k.name()) + " in the archive has a rate limit outside "
                        + MIN_RATE_LIMIT + " to " + MAX_RATE_LIMIT + " calls a minute.");
            }
            token.rateLimitPerMinute = k.rateLimitPerMinute();
            Unique.insert(tokens.getEntityManager(), token, TokenRules.duplicateOnCreate(k.name()).getMessage());
        }
        LOG.infof("Restored %d API token(s) of account %s", kept.size() - skipped.size(), account.username);
        return skipped;
    }

    /** An account's tokens go with it (the foreign key would delete them too; this counts them). */
    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        long revoked = tokens.deleteForAccount(event.account().id);
        metrics.tokensRevoked("cpanel", revoked);
        LOG.infof("Revoked the %d API token(s) of account %s", revoked, event.account().username);
    }

    /** @return whether a token of that name existed and is now gone */
    @Transactional
    public boolean revoke(long accountId, String name) {
        return tokens.findByNameForUpdate(accountId, name).map(token -> {
            tokens.delete(token);
            metrics.tokensRevoked("cpanel", 1);
            return true;
        }).orElse(false);
    }

}
