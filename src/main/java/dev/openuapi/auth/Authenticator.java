package dev.openuapi.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.AccountService;
import dev.openuapi.account.PasswordHasher;
import dev.openuapi.common.Epoch;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.Operator;
import dev.openuapi.operator.WhmToken;
import dev.openuapi.operator.WhmTokenRepository;
import dev.openuapi.token.ApiToken;
import dev.openuapi.token.ApiTokenRepository;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Checks credentials. Every failure is the same empty answer, whichever part was wrong, so a caller
 * cannot tell an unknown user from a wrong token.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);
    /** Last-use bookkeeping is written at most this often per token, never on every request. */
    static final long LAST_USED_INTERVAL_SECONDS = 60;

    private final ApiTokenRepository tokens;
    private final WhmTokenRepository whmTokens;
    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final OpenUapiMetrics metrics;
    private final Optional<byte[]> rootPasswordDigest;

    Authenticator(ApiTokenRepository tokens, WhmTokenRepository whmTokens, AccountRepository accounts, PasswordHasher passwords,
            OpenUapiMetrics metrics, OpenUapiConfig config) {
        this.metrics = metrics;
        this.tokens = tokens;
        this.whmTokens = whmTokens;
        this.accounts = accounts;
        this.passwords = passwords;
        this.rootPasswordDigest = config.rootPassword().filter(p -> !p.isEmpty()).map(Authenticator::sha256);
    }

    /**
     * The token path: one indexed lookup by hash (account joined in), then cheap checks. No slow hash
     * and, within {@link #LAST_USED_INTERVAL_SECONDS}, no write.
     */
    public Optional<Account> byToken(String username, String token, String remoteIp) {
        if (!AccountService.USERNAME.matcher(username).matches() || token.isEmpty()) {
            return failed(AuthFailure.MALFORMED);
        }
        String presented = TokenValues.hash(token);
        Optional<ApiToken> found = tokens.findByHashWithAccount(presented);
        long now = Epoch.now();
        if (found.isEmpty()) {
            return failed(AuthFailure.UNKNOWN_TOKEN);
        }
        ApiToken record = found.get();
        Account account = record.account;
        Optional<AuthFailure> failure = firstFailure(TokenValues.sameHash(record.tokenHash, presented), account.username.equals(username),
                !record.isExpiredAt(now), IpAllowList.allows(record.whitelistIps, remoteIp), !account.suspended);
        if (failure.isPresent()) {
            return failed(failure.get());
        }
        if (record.lastUsedAt == null || now - record.lastUsedAt >= LAST_USED_INTERVAL_SECONDS) {
            recordUse("cPanel", record.id, () -> tokens.recordUse(record.id, now, remoteIp, LAST_USED_INTERVAL_SECONDS));
        }
        return Optional.of(account);
    }

    /**
     * A WHM API token ({@code whm USER:TOKEN}): root's, or a reseller's while its account is a reseller and
     * not suspended. The same checks as for cPanel tokens: expiry, then the IP allow-list.
     */
    public Optional<Operator> operatorByToken(String username, String token, String remoteIp) {
        if (!AccountService.USERNAME.matcher(username).matches() || token.isEmpty()) {
            return failed(AuthFailure.MALFORMED);
        }
        String presented = TokenValues.hash(token);
        Optional<WhmToken> found = whmTokens.findByHash(presented);
        if (found.isEmpty()) {
            return failed(AuthFailure.UNKNOWN_TOKEN);
        }
        WhmToken record = found.get();
        long now = Epoch.now();
        Account reseller = record.accountId == null ? null : accounts.findById(record.accountId);
        boolean ownerActive = record.accountId == null || (reseller != null && reseller.isReseller() && !reseller.suspended);
        Optional<AuthFailure> failure = firstFailure(TokenValues.sameHash(record.tokenHash, presented), record.owner.equals(username),
                !record.isExpiredAt(now), IpAllowList.allows(record.whitelistIps, remoteIp), ownerActive);
        if (failure.isPresent()) {
            return failed(failure.get());
        }
        Optional<Operator> operator = Optional.of(reseller == null ? Operator.root(Acl.parse(record.acls))
                : Operator.reseller(reseller, Acl.parse(record.acls)));
        if (operator.isPresent() && (record.lastUsedAt == null || now - record.lastUsedAt >= LAST_USED_INTERVAL_SECONDS)) {
            recordUse("WHM", record.id, () -> whmTokens.recordUse(record.id, now, remoteIp, LAST_USED_INTERVAL_SECONDS));
        }
        return operator;
    }

    /** HTTP Basic for a WHM user: root with {@code OPENUAPI_ROOT_PASSWORD}, or a reseller with its account password. */
    public Optional<Operator> operatorByPassword(String username, String password) {
        if (Operator.ROOT.equals(username)) {
            return isOperator(username, password) ? Optional.of(Operator.root(null)) : failed(AuthFailure.WRONG_PASSWORD);
        }
        Optional<Account> account = byPassword(username, password);
        if (account.isPresent() && !account.get().isReseller()) {
            return failed(AuthFailure.NOT_A_WHM_USER);
        }
        return account.map(a -> Operator.reseller(a, null));
    }

    /** The password path (HTTP Basic): BCrypt, deliberately slow. */
    public Optional<Account> byPassword(String username, String password) {
        Optional<Account> account = AccountService.USERNAME.matcher(username).matches()
                ? accounts.findByUsername(username)
                : Optional.empty();
        if (account.isEmpty()) {
            passwords.burnDecoy(password);
            return failed(AuthFailure.UNKNOWN_USER);
        }
        boolean matches = passwords.matches(password, account.get().passwordHash);
        if (!matches || account.get().suspended) {
            return failed(matches ? AuthFailure.SUSPENDED : AuthFailure.WRONG_PASSWORD);
        }
        return account;
    }

    void logAdminApiState(@Observes StartupEvent event) {
        if (rootPasswordDigest.isEmpty()) {
            LOG.warn("OPENUAPI_ROOT_PASSWORD is not set: the admin API (/api/v1/accounts) is disabled.");
        } else {
            LOG.info("The admin API (/api/v1/accounts) is enabled for HTTP Basic as root.");
        }
    }

    public boolean operatorConfigured() {
        return rootPasswordDigest.isPresent();
    }

    /** HTTP Basic as {@code root} with {@code OPENUAPI_ROOT_PASSWORD}, compared in constant time. */
    public boolean isOperator(String username, String password) {
        if (rootPasswordDigest.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(password), rootPasswordDigest.get()) & "root".equals(username);
    }

    /** A request without usable credentials (no header, an unknown scheme, or one not taken on that path). */
    public void noCredentials() {
        metrics.authFailure(AuthFailure.NO_CREDENTIALS);
    }

    /** Counts a failure by reason (the caller never learns it) and answers like every other failure. */
    private <T> Optional<T> failed(AuthFailure reason) {
        metrics.authFailure(reason);
        return Optional.empty();
    }

    /** A token's checks, all evaluated (no early exit), in the order that names the failure. */
    private static Optional<AuthFailure> firstFailure(boolean hash, boolean user, boolean fresh, boolean address, boolean active) {
        if (hash & user & fresh & address & active) {
            return Optional.empty();
        }
        return Optional.of(!hash ? AuthFailure.UNKNOWN_TOKEN : !user ? AuthFailure.WRONG_USER : !fresh ? AuthFailure.EXPIRED
                : !address ? AuthFailure.IP_NOT_ALLOWED : AuthFailure.SUSPENDED);
    }

    private static void recordUse(String kind, long tokenId, Runnable write) {
        try {
            QuarkusTransaction.requiringNew().run(write);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the last use of %s token %d", kind, tokenId); // bookkeeping must not fail the call
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
