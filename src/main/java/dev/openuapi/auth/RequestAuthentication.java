package dev.openuapi.auth;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.activity.ActivityRecorder;
import dev.openuapi.activity.FailureReason;
import dev.openuapi.face.Face;
import dev.openuapi.face.Reply;
import dev.openuapi.hulk.LoginGuard;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;

import io.vertx.ext.web.RoutingContext;

/**
 * Checks the credentials of one request on a face that takes them: those {@link TokenPathGuard} read from the header
 * (or, without one, a session's cookie and security token), cPHulk's {@link LoginGuard} first, then the
 * {@link Authenticator} or the {@link SessionAuthenticator}. The {@link CredentialFilter} asks it for every resource;
 * a Vert.x route that serves an API call itself (the streamed upload, {@code face.uapi.UploadRoute}) asks it the same
 * way, so every call is authenticated alike. Runs on a worker thread: it may read the database.
 */
@ApplicationScoped
public class RequestAuthentication {

    /** Who the request is, or the face's refusal to send. */
    public record Result(Authenticated who, Reply refusal) {
    }

    private final Authenticator authenticator;
    private final SessionAuthenticator sessions;
    private final ClientAddress clientAddress;
    private final LoginGuard guard;
    private final OpenUapiMetrics metrics;
    private final ActivityRecorder activity;
    private final TokenRateLimiter limiter;

    RequestAuthentication(Authenticator authenticator, SessionAuthenticator sessions, ClientAddress clientAddress, LoginGuard guard,
            OpenUapiMetrics metrics, ActivityRecorder activity, TokenRateLimiter limiter) {
        this.activity = activity;
        this.limiter = limiter;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.clientAddress = clientAddress;
        this.guard = guard;
        this.metrics = metrics;
    }

    /**
     * @param scripted the request came from a script in a page ({@code X-Requested-With}): a refusal without the
     *                 challenge that opens the browser's prompt
     */
    public Result authenticate(Face face, String path, RoutingContext routing, boolean scripted) {
        AuthorizationHeader presented = TokenPathGuard.presented(routing);
        PresentedSession session = presented == null ? TokenPathGuard.session(routing) : null; // a header wins over a cookie
        boolean byHeader = presented != null && presented.isComplete();
        if (!byHeader && (session == null || !session.isComplete())) {
            authenticator.noCredentials(); // not a login attempt: cPHulk neither counts nor refuses it
            return unauthorized(face, path, scripted);
        }
        // once: cPHulk, the token's allow-list and last use, and the activity log all take this one
        String address = clientAddress.of(routing.request());
        String service = face.loginService();
        String user = byHeader ? presented.user() : session.user();
        Reply refused = refusedByHulk(face, path, address, user, service, scripted);
        if (refused != null) {
            return new Result(null, refused);
        }
        Consumer<AuthFailure> failed = reason -> {
            guard.failed(address, user, service, byHeader ? presented.scheme() + " " + presented.secret()
                    : "session " + String.join(",", session.cookies()) + " " + session.securityToken(), reason.name());
            activity.authFailed(user, address, FailureReason.of(reason));
        };
        Optional<Authenticated> who = byHeader ? authenticator.authenticate(face, presented, () -> address, failed)
                : sessions.authenticate(face, session, failed);
        if (who.isEmpty()) {
            return unauthorized(face, path, scripted);
        }
        ActivityRecorder.Who seen = activity.enabled() ? who(face, who.get(), address) : null;
        Reply limited = rateLimited(face, path, who.get().rateLimit());
        if (limited != null) {
            if (seen != null) {
                recordLimited(face, path, routing, seen);
            }
            return new Result(null, limited);
        }
        if (seen != null) {
            activity.seen(routing, seen);
        }
        return new Result(who.get(), null);
    }

    private static Result unauthorized(Face face, String path, boolean scripted) {
        Reply refused = face.unauthorized(path);
        return new Result(null, scripted ? refused.withoutChallenge() : refused);
    }

    /**
     * Issue 20 §2: a cPanel API token with a rate limit takes one call from its bucket, in memory. Past the limit, the
     * face's 429 with {@code Retry-After}. The login itself succeeded: cPHulk is not told (a rate-limited call is never a
     * failed login), and the token's last use was noted as for any call it authenticated. The activity log records it as
     * {@code limited}.
     */
    private Reply rateLimited(Face face, String path, TokenRateLimiter.Limit limit) {
        if (limit == null) {
            return null;
        }
        long retryAfter = limiter.take(limit);
        if (retryAfter == 0) {
            return null;
        }
        metrics.rateLimited(face.name().toLowerCase(java.util.Locale.ROOT));
        return face.rateLimited(path, Face.rateLimitReason(limit.tokenName(), limit.perMinute()), retryAfter);
    }

    /**
     * A call past its token's rate limit, in the activity log as {@code limited} (never a failed login): on cPanel's faces
     * now, under the function its URL names; on our REST API by the response filter, with the path template.
     */
    private void recordLimited(Face face, String path, RoutingContext routing, ActivityRecorder.Who who) {
        Face.Called called = face.called(path, routing.request()::getParam);
        if (called != null) {
            activity.limited(who, called.kind(), called.module(), called.function());
        } else {
            activity.limitedRest(routing, who);
        }
    }

    /** Who the request is, for the activity log: the account (0: root), the kind of credential and the token's id, never the credential. */
    private static ActivityRecorder.Who who(Face face, Authenticated who, String address) {
        long accountId = who.principal() != null ? who.principal().accountId()
                : who.whmUser() != null && who.whmUser().accountId() != null ? who.whmUser().accountId() : 0;
        return new ActivityRecorder.Who(face.name(), accountId, who.credential().name(), who.tokenId() == null ? 0 : who.tokenId(), address,
                face.isCpanel());
    }

    /** cPHulk first, from memory only: a blocked address or user costs no lookup and no password hash. */
    private Reply refusedByHulk(Face face, String path, String address, String user, String service, boolean scripted) {
        LoginGuard.Refusal refusal = guard.check(address, user, service);
        if (refusal == null) {
            return null;
        }
        metrics.cphulkRefused(refusal.denied() ? "denied" : "blocked");
        Reply reply = refusal.denied() ? face.deniedAddress(path) : face.tooManyAttempts(path, refusal.retryAfterSeconds());
        return scripted ? reply.withoutChallenge() : reply;
    }
}
