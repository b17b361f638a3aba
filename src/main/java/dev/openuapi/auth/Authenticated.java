package dev.openuapi.auth;

import dev.openuapi.face.Credential;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;

/**
 * Who a request authenticated as, and with what: an account ({@code principal}), a WHM user, or both (a
 * reseller's password is also its own account's).
 */
public record Authenticated(Credential credential, Principal principal, WhmUser whmUser) {
}
