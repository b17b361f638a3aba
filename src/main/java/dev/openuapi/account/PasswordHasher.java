package dev.openuapi.account;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.PasswordRule;
import dev.openuapi.config.OpenUapiConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Account passwords: BCrypt (WildFly Elytron via Quarkus), salted, cost from configuration. This is the
 * slow path; API tokens never go through it.
 */
@ApplicationScoped
public class PasswordHasher {

    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    /** Verified against when the user does not exist, so both failures take the same time. */
    private final String decoy;

    PasswordHasher(OpenUapiConfig config) {
        this.cost = config.password().bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password-for-unknown-users", cost);
    }

    public String hash(String password) {
        checkAcceptable(password);
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the same work as {@link #matches} for a user that does not exist. */
    public void burnDecoy(String password) {
        BcryptUtil.matches(password == null ? "" : password, decoy);
    }

    public static void checkAcceptable(String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid("The “password” argument cannot be empty.");
        }
        PasswordRule.requireMinimumLength(password);
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.invalid("The password must not be longer than " + MAX_PASSWORD_BYTES + " bytes.");
        }
    }
}
