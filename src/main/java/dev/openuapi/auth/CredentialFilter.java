package dev.openuapi.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.common.ApiException;
import dev.openuapi.face.Face;
import dev.openuapi.face.MalformedRequests;
import dev.openuapi.face.Reply;
import dev.openuapi.hulk.LoginGuard;
import dev.openuapi.metrics.OpenUapiMetrics;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates every API request, whichever face it reaches: it takes the credentials {@link TokenPathGuard}
 * read from the header (or, without one, a session's cookie and security token), asks the face which kinds it
 * takes, lets the {@link Authenticator} (or the {@link SessionAuthenticator}) check them and fills in the
 * {@link Caller}. A refusal is the face's own ({@link Face#unauthorized}). Before that, cPHulk's
 * {@link LoginGuard} may refuse the login from memory (a blocked or denied address, a locked user), and it is
 * told of every failed login.
 *
 * <p>A post-matching filter runs on the same thread as its resource method; every resource here is blocking,
 * so the database lookups run on a worker thread, never on the event loop.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialFilter implements ContainerRequestFilter {

    static final String ADMIN_DISABLED = "The admin API is disabled: set OPENUAPI_ROOT_PASSWORD to enable it.";

    private final Authenticator authenticator;
    private final Caller caller;
    private final CurrentVertxRequest request;
    private final ClientAddress clientAddress;
    private final LoginGuard guard;
    private final OpenUapiMetrics metrics;
    private final SessionAuthenticator sessions;

    CredentialFilter(Authenticator authenticator, SessionAuthenticator sessions, Caller caller, CurrentVertxRequest request,
            ClientAddress clientAddress, LoginGuard guard, OpenUapiMetrics metrics) {
        this.sessions = sessions;
        this.guard = guard;
        this.metrics = metrics;
        this.authenticator = authenticator;
        this.caller = caller;
        this.request = request;
        this.clientAddress = clientAddress;
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
        AuthorizationHeader presented = TokenPathGuard.presented(routing);
        PresentedSession session = presented == null ? TokenPathGuard.session(routing) : null; // a header wins over a cookie
        Optional<Authenticated> who;
        if (presented != null && presented.isComplete()) {
            String address = clientAddress.of(routing.request());
            String service = face.loginService();
            Reply refused = refusedByHulk(context, face, path, address, presented.user(), service);
            if (refused != null) {
                context.abortWith(refused.response());
                return;
            }
            who = authenticator.authenticate(face, presented, () -> address,
                    reason -> guard.failed(address, presented.user(), service, presented.scheme() + " " + presented.secret(), reason.name()));
        } else if (session != null && session.isComplete()) {
            String address = clientAddress.of(routing.request());
            String service = face.loginService();
            String user = session.user();
            Reply refused = refusedByHulk(context, face, path, address, user, service);
            if (refused != null) {
                context.abortWith(refused.response());
                return;
            }
            who = sessions.authenticate(face, session,
                    reason -> guard.failed(address, user, service, "session " + String.join(",", session.cookies()) + " " + session.securityToken(),
                            reason.name()));
        } else {
            who = authenticator.noCredentials(); // not a login attempt: cPHulk neither counts nor refuses it
        }
        if (who.isEmpty()) {
            Reply refused = face.unauthorized(path);
            // A script in a page (the token page) handles the 401 itself: no challenge that opens the browser's prompt.
            context.abortWith((context.getHeaderString("X-Requested-With") == null ? refused : refused.withoutChallenge()).response());
            return;
        }
        caller.set(who.get());
        ApiException malformed = MalformedRequests.refusalIfAny(routing);
        if (malformed != null) {
            throw malformed; // only now: a caller without valid credentials got the face's ordinary refusal above
        }
    }

    /** cPHulk first, from memory only: a blocked address or user costs no lookup and no password hash. */
    private Reply refusedByHulk(ContainerRequestContext context, Face face, String path, String address, String user, String service) {
        LoginGuard.Refusal refusal = guard.check(address, user, service);
        if (refusal == null) {
            return null;
        }
        metrics.cphulkRefused(refusal.denied() ? "denied" : "blocked");
        Reply reply = refusal.denied() ? face.deniedAddress(path) : face.tooManyAttempts(path, refusal.retryAfterSeconds());
        return context.getHeaderString("X-Requested-With") == null ? reply : reply.withoutChallenge();
    }
}
