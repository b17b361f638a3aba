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
     * @param expiresAt epoch seconds; {@code null} or 0 never expires; earlier than now is refused
     */
    @Transactional
    public CreatedToken create(long accountId, String name, Long expiresAt) {
        TokenRules.checkName(name);
        long now = Epoch.now();
        Long expiry = TokenRules.checkExpiry(expiresAt, now);
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
        // Two creates of one name may race past the check above; the unique key lets exactly one through.
        Unique.insert(tokens.getEntityManager(), token, TokenRules.duplicateOnCreate(name).getMessage());
        LOG.debugf("Created API token %s for account %s", name, account.username);
        metrics.tokenCreated("cpanel");
        return new CreatedToken(token, value);
    }

    @Transactional
    public ApiToken rename(long accountId, String name, String newName) {
        TokenRules.checkRename(name, newName);
        // Locked: of two renames (or a rename and a revoke) of one name, exactly one finds it (issue 12 row 6).
        ApiToken token = tokens.findByNameForUpdate(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        if (tokens.findByName(accountId, newName).isPresent()) {
            throw TokenRules.duplicateOnRename(newName);
        }
        token.name = newName;
        Unique.flush(tokens.getEntityManager(), TokenRules.duplicateOnRename(newName).getMessage());
        return token;
    }

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
    public record KeptToken(String name, String tokenHash, String checkKey, long createTime, Long expiresAt, List<String> whitelistIps) {
    }

    /** The account's tokens as a backup keeps them. */
    @Transactional
    public List<KeptToken> export(long accountId) {
        return tokens.listForAccount(accountId).stream()
                .map(t -> new KeptToken(t.name, t.tokenHash, t.checkKey, t.createTime, t.expiresAt, t.whitelistIps)).toList();
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
