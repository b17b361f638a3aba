package dev.openuapi.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.openuapi.face.Credential;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.token.TokenValues;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** Who the current request authenticated as; filled in by the {@link CredentialFilter}. */
@RequestScoped
public class Caller {

    private Authenticated authenticated;

    @Inject
    CurrentVertxRequest request;

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

    /**
     * The SHA-512 of the token value this request authenticated with, when it did with a cPanel or WHM token: so that
     * a token can be told it acts on itself (a token may always rotate itself, issue 19 §3). Never the value.
     */
    public Optional<String> tokenHash() {
        Credential credential = credential();
        if (credential != Credential.CPANEL_TOKEN && credential != Credential.WHM_TOKEN || request.getCurrent() == null) {
            return Optional.empty();
        }
        AuthorizationHeader presented = TokenPathGuard.presented(request.getCurrent());
        return presented == null ? Optional.empty() : Optional.of(TokenValues.hash(presented.secret()));
    }
}
