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
    private final Optional<byte[]> rootPasswordDigest;

    Authenticator(ApiTokenRepository tokens, WhmTokenRepository whmTokens, AccountRepository accounts, PasswordHasher passwords,
            OpenUapiConfig config) {
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
            return Optional.empty();
        }
        String presented = TokenValues.hash(token);
        Optional<ApiToken> found = tokens.findByHashWithAccount(presented);
        long now = Epoch.now();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken record = found.get();
        Account account = record.account;
        boolean valid = TokenValues.sameHash(record.tokenHash, presented)
                & account.username.equals(username)
                & !record.isExpiredAt(now)
                & IpAllowList.allows(record.whitelistIps, remoteIp)
                & !account.suspended;
        if (!valid) {
            return Optional.empty();
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
            return Optional.empty();
        }
        String presented = TokenValues.hash(token);
        Optional<WhmToken> found = whmTokens.findByHash(presented);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WhmToken record = found.get();
        long now = Epoch.now();
        boolean valid = TokenValues.sameHash(record.tokenHash, presented)
                & record.owner.equals(username)
                & !record.isExpiredAt(now)
                & IpAllowList.allows(record.whitelistIps, remoteIp);
        if (!valid) {
            return Optional.empty();
        }
        Optional<Operator> operator;
        if (record.accountId == null) {
            operator = Optional.of(Operator.root(Acl.parse(record.acls)));
        } else {
            Account account = accounts.findById(record.accountId);
            operator = account != null && account.isReseller() && !account.suspended
                    ? Optional.of(Operator.reseller(account, Acl.parse(record.acls)))
                    : Optional.empty();
        }
        if (operator.isPresent() && (record.lastUsedAt == null || now - record.lastUsedAt >= LAST_USED_INTERVAL_SECONDS)) {
            recordUse("WHM", record.id, () -> whmTokens.recordUse(record.id, now, remoteIp, LAST_USED_INTERVAL_SECONDS));
        }
        return operator;
    }

    /** HTTP Basic for a WHM user: root with {@code OPENUAPI_ROOT_PASSWORD}, or a reseller with its account password. */
    public Optional<Operator> operatorByPassword(String username, String password) {
        if (Operator.ROOT.equals(username)) {
            return isOperator(username, password) ? Optional.of(Operator.root(null)) : Optional.empty();
        }
        return byPassword(username, password).filter(Account::isReseller).map(account -> Operator.reseller(account, null));
    }

    /** The password path (HTTP Basic): BCrypt, deliberately slow. */
    public Optional<Account> byPassword(String username, String password) {
        Optional<Account> account = AccountService.USERNAME.matcher(username).matches()
                ? accounts.findByUsername(username)
                : Optional.empty();
        if (account.isEmpty()) {
            passwords.burnDecoy(password);
            return Optional.empty();
        }
        boolean valid = passwords.matches(password, account.get().passwordHash) & !account.get().suspended;
        return valid ? account : Optional.empty();
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
