package dev.openuapi.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.openuapi.face.Credential;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;

/** Who the current request authenticated as; filled in by the {@link CredentialFilter}. */
@RequestScoped
public class Caller {

    private Authenticated authenticated;

    void set(Authenticated authenticated) {
        this.authenticated = authenticated;
    }

    /** The authenticated account (an immutable snapshot taken at authentication). */
    public Principal principal() {
        return principalIfAny().orElseThrow(() -> new IllegalStateException("No authenticated account on this request"));
    }

    public Optional<Principal> principalIfAny() {
        return Optional.ofNullable(authenticated).map(Authenticated::principal);
    }

    /** The WHM user, when the request authenticated as one. */
    public Optional<WhmUser> whmUser() {
        return Optional.ofNullable(authenticated).map(Authenticated::whmUser);
    }

    /** The kind of credential the request authenticated with. */
    public Credential credential() {
        return authenticated == null ? null : authenticated.credential();
    }
}
