package dev.openuapi.auth;

import static dev.openuapi.face.Credential.ACCOUNT_PASSWORD;
import static dev.openuapi.face.Credential.CPANEL_TOKEN;
import static dev.openuapi.face.Credential.RESELLER_PASSWORD;
import static dev.openuapi.face.Credential.ROOT_PASSWORD;
import static dev.openuapi.face.Credential.WHM_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.AccountService;
import dev.openuapi.account.PasswordHasher;
import dev.openuapi.common.Epoch;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.Face;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;
import dev.openuapi.auth.TokenIdentityService.CachedToken;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenChecks;
import dev.openuapi.token.TokenValues;

import io.quarkus.runtime.StartupEvent;

/**
 * Checks credentials against what a face takes. Every failure is the same empty answer, whichever part was
 * wrong, so a caller cannot tell an unknown user from a wrong token; only the metric says why.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    private final TokenIdentityService identities;
    private final UncheckedTokensService unchecked;
    private final LastUseService lastUses;
    private final TokenChecks checks;
    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final OpenUapiMetrics metrics;
    private final Optional<byte[]> rootPasswordDigest;

    Authenticator(TokenIdentityService identities, UncheckedTokensService unchecked, LastUseService lastUses, TokenChecks checks,
            AccountRepository accounts, PasswordHasher passwords, OpenUapiMetrics metrics, OpenUapiConfig config) {
        this.metrics = metrics;
        this.identities = identities;
        this.unchecked = unchecked;
        this.lastUses = lastUses;
        this.checks = checks;
        this.accounts = accounts;
        this.passwords = passwords;
        this.rootPasswordDigest = config.rootPassword().filter(p -> !p.isEmpty()).map(Authenticator::sha256);
    }

    /**
     * The identity behind {@code presented}, if {@code face} takes that kind of credential and it is right.
     *
     * @param remoteIp the client's address, read only when a token's allow-list needs it
     */
    public Optional<Authenticated> authenticate(Face face, AuthorizationHeader presented, Supplier<String> remoteIp) {
        return authenticate(face, presented, remoteIp, reason -> {
        });
    }

    /**
     * The same, telling {@code onFailure} why a login failed (a failed login, which cPHulk counts); a request
     * without usable credentials for this face is not a login attempt and is not reported.
     */
    public Optional<Authenticated> authenticate(Face face, AuthorizationHeader presented, Supplier<String> remoteIp,
            Consumer<AuthFailure> onFailure) {
        if (!presented.isComplete()) {
            return noCredentials();
        }
        String user = presented.user();
        String secret = presented.secret();
        return switch (presented.scheme()) {
            case CPANEL -> face.accepts(CPANEL_TOKEN)
                    ? checkToken(user, secret, remoteIp, onFailure, LastUseService.Kind.CPANEL, identities::cpanelInMemory,
                            identities::cpanel)
                            .map(token -> new Authenticated(CPANEL_TOKEN, token.owner(), null, token.id(), token.rateLimit()))
                    : noCredentials();
            case WHM -> face.accepts(WHM_TOKEN)
                    ? checkToken(user, secret, remoteIp, onFailure, LastUseService.Kind.WHM, identities::whmInMemory, identities::whm)
                            .map(token -> new Authenticated(WHM_TOKEN, null, token.owner(), token.id(), null))
                    : noCredentials();
            case BASIC -> password(face, user, secret, onFailure);
        };
    }

    /**
     * The token path, the same for both kinds of token, from memory in the steady state: the token's snapshot by
     * the hash of its value ({@link TokenIdentityService}, kept current by the change feed). A value not in memory
     * that carries no valid check and is not a known unchecked token is refused without a lookup (a guess);
     * otherwise the snapshot is loaded. Then cheap checks, all evaluated so that the time does not say which
     * failed. No slow hash, and the last use is only noted ({@link LastUseService}). A value in memory skips the
     * check: it names a token that exists, or a hash known to name none.
     *
     * @param inMemory the snapshot if it is in memory, {@code null} if it is not
     */
    private <O> Optional<CachedToken<O>> checkToken(String username, String token, Supplier<String> remoteIp, Consumer<AuthFailure> onFailure,
            LastUseService.Kind kind, Function<String, Optional<CachedToken<O>>> inMemory,
            Function<String, Optional<CachedToken<O>>> findByHash) {
        if (!AccountService.USERNAME.matcher(username).matches()) {
            return failed(AuthFailure.MALFORMED, onFailure);
        }
        String presented = TokenValues.hash(token);
        Optional<CachedToken<O>> found = inMemory.apply(presented);
        if (found == null) {
            if (!checks.passes(token) && !unchecked.mayExist(presented)) {
                return failed(AuthFailure.UNKNOWN_TOKEN, onFailure); // a guess: no lookup
            }
            found = findByHash.apply(presented);
        }
        if (found.isEmpty()) {
            return failed(AuthFailure.UNKNOWN_TOKEN, onFailure);
        }
        CachedToken<O> record = found.get();
        long now = Epoch.now();
        String address = remoteIp.get();
        Optional<AuthFailure> failure = firstFailure(TokenValues.sameHash(record.tokenHash(), presented), record.ownerName().equals(username),
                !record.isExpiredAt(now), IpAllowList.allows(record.allowList(), address), record.owner() != null);
        if (failure.isPresent()) {
            return failed(failure.get(), onFailure);
        }
        lastUses.used(kind, record.id(), record.lastUsed(), now, address);
        return Optional.of(record);
    }

    /**
     * HTTP Basic: root with {@code OPENUAPI_ROOT_PASSWORD}, or an account's password, for its own account
     * and, when it is a reseller, for its WHM user; each only where the face takes it.
     */
    private Optional<Authenticated> password(Face face, String username, String password, Consumer<AuthFailure> onFailure) {
        if (WhmUser.ROOT.equals(username)) {
            if (!face.accepts(ROOT_PASSWORD)) {
                return noCredentials();
            }
            return isRoot(username, password) ? Optional.of(new Authenticated(ROOT_PASSWORD, null, WhmUser.root(null)))
                    : failed(AuthFailure.WRONG_PASSWORD, onFailure);
        }
        boolean asAccount = face.accepts(ACCOUNT_PASSWORD);
        boolean asReseller = face.accepts(RESELLER_PASSWORD);
        if (!asAccount && !asReseller) {
            return noCredentials();
        }
        Optional<Account> account = byPassword(username, password, onFailure);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var principal = account.get().principal();
        WhmUser reseller = asReseller && principal.isReseller() ? WhmUser.reseller(principal, null) : null;
        if (!asAccount && reseller == null) {
            return failed(AuthFailure.NOT_A_WHM_USER, onFailure);
        }
        return Optional.of(asAccount ? new Authenticated(ACCOUNT_PASSWORD, principal, reseller)
                : new Authenticated(RESELLER_PASSWORD, null, reseller));
    }

    /** The password path: BCrypt, deliberately slow, and as slow for a user that does not exist. */
    private Optional<Account> byPassword(String username, String password, Consumer<AuthFailure> onFailure) {
        Optional<Account> account = AccountService.USERNAME.matcher(username).matches()
                ? accounts.findByUsername(username)
                : Optional.empty();
        if (account.isEmpty()) {
            passwords.burnDecoy(password);
            return failed(AuthFailure.UNKNOWN_USER, onFailure);
        }
        boolean matches = passwords.matches(password, account.get().passwordHash);
        if (!matches || account.get().suspended) {
            return failed(matches ? AuthFailure.SUSPENDED : AuthFailure.WRONG_PASSWORD, onFailure);
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

    public boolean rootConfigured() {
        return rootPasswordDigest.isPresent();
    }

    /** HTTP Basic as {@code root} with {@code OPENUAPI_ROOT_PASSWORD}, compared in constant time. */
    private boolean isRoot(String username, String password) {
        if (rootPasswordDigest.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(password), rootPasswordDigest.get()) & WhmUser.ROOT.equals(username);
    }

    /** A request without usable credentials (no header, an unknown scheme, or one this face does not take). */
    public <T> Optional<T> noCredentials() {
        metrics.authFailure(AuthFailure.NO_CREDENTIALS);
        return Optional.empty();
    }

    /** Counts a failure by reason (the caller never learns it) and answers like every other failure. */
    private <T> Optional<T> failed(AuthFailure reason, Consumer<AuthFailure> onFailure) {
        metrics.authFailure(reason);
        onFailure.accept(reason);
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
