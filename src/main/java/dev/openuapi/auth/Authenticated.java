package dev.openuapi.auth;

import dev.openuapi.face.Credential;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;

/**
 * Who a request authenticated as, and with what: an account ({@code principal}), a WHM user, or both (a
 * reseller's password is also its own account's).
 *
 * @param tokenId   the row id of the cPanel or WHM token it authenticated with (for the activity log), {@code null} for
 *                  any other credential
 * @param rateLimit the rate limit of the cPanel API token it authenticated with (issue 20 §2); {@code null}: none
 */
public record Authenticated(Credential credential, Principal principal, WhmUser whmUser, Long tokenId, TokenRateLimiter.Limit rateLimit) {

    /** A credential that is not a token. */
    public Authenticated(Credential credential, Principal principal, WhmUser whmUser) {
        this(credential, principal, whmUser, null, null);
    }
}
