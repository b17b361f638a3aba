package dev.openuapi.auth;


import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.common.ApiException;
import dev.openuapi.face.Face;
import dev.openuapi.face.MalformedRequests;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates every API request, whichever face it reaches: it takes the credentials {@link TokenPathGuard}
 * read from the header (or, without one, a session's cookie and security token), asks the face which kinds it
 * takes, lets the {@link Authenticator} (or the {@link SessionAuthenticator}) check them and fills in the
 * {@link Caller}. A refusal is the face's own ({@link Face#unauthorized}). Before that, cPHulk's
 * {@link dev.openuapi.hulk.LoginGuard} may refuse the login from memory (a blocked or denied address, a locked user), and it is
 * told of every failed login.
 *
 * <p>A post-matching filter runs on the same thread as its resource method; every resource here is blocking,
 * so the database lookups run on a worker thread, never on the event loop.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialFilter implements ContainerRequestFilter {

    public static final String ADMIN_DISABLED = "The admin API is disabled: set OPENUAPI_ROOT_PASSWORD to enable it.";

    private final Authenticator authenticator;
    private final RequestAuthentication authentication;
    private final Caller caller;
    private final CurrentVertxRequest request;

    CredentialFilter(Authenticator authenticator, RequestAuthentication authentication, Caller caller, CurrentVertxRequest request) {
        this.authenticator = authenticator;
        this.authentication = authentication;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // only a programming error gets here: a non-blocking resource
            throw new IllegalStateException("Authentication must not run on the event loop");
        }
        String path = Face.pathOf(context.getUriInfo());
        Face face = Face.of(path);
        if (face == Face.ADMIN && !authenticator.rootConfigured()) {
            context.abortWith(face.forbidden(path, ADMIN_DISABLED).response());
            return;
        }
        if (!face.takesCredentials()) {
            return; // the login form reads its own credentials (session.LoginResource)
        }
        RoutingContext routing = request.getCurrent();
        // A script in a page (the token page) handles the 401 itself: no challenge that opens the browser's prompt.
        RequestAuthentication.Result result = authentication.authenticate(face, path, routing, context.getHeaderString("X-Requested-With") != null);
        if (result.refusal() != null) {
            context.abortWith(result.refusal().response());
            return;
        }
        caller.set(result.who());
        ApiException malformed = MalformedRequests.refusalIfAny(routing);
        if (malformed != null) {
            throw malformed; // only now: a caller without valid credentials got the face's ordinary refusal above
        }
    }
}
