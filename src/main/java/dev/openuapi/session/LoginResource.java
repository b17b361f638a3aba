package dev.openuapi.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.Authenticated;
import dev.openuapi.auth.Authenticator;
import dev.openuapi.auth.AuthorizationHeader;
import dev.openuapi.auth.ClientAddress;
import dev.openuapi.auth.RequestOrigin;
import dev.openuapi.auth.SecurityTokenPaths;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.Face;
import dev.openuapi.hulk.LoginGuard;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * cpsrvd's login (spec §2.4, issue 14 §1): {@code POST /login/} with the form fields {@code user} and {@code pass}.
 * The port the client addressed decides the service, as on cPanel: one of {@code openuapi.sessions.whm-ports}
 * (2086, 2087) makes a whostmgrd session for root or a reseller, any other a cpaneld session for an account.
 *
 * <ul>
 * <li>Success: the session's cookie ({@code cpsession} or {@code whostmgrsession}: {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} over HTTPS) and a fresh security token. With {@code login_only=1}, cPanel's
 * JSON {@code {"status":1,"security_token":"/cpsess…","redirect":"/cpsess…/"}}; without, a 302 to the
 * session's root under the token.</li>
 * <li>Failure: 401, with {@code login_only=1} cPanel's {@code {"status":0,"message":"invalid_login"}}
 * (observed on a real 2083), otherwise {@code The login is invalid.}; every failure counts for cPHulk, which
 * refuses a blocked address or user the same way before the password is looked at (with {@code Retry-After}).</li>
 * </ul>
 *
 * <p>{@code GET /cpsessNNNNNNNNNN/login/?session=…} is the URL of WHM's {@code create_user_session}: it logs in
 * once, without a password, and answers 307 to the session's root with the session's cookie.
 */
@Path("/login{slash: /?}")
public class LoginResource {

    static final String INVALID = "The login is invalid.";
    static final String INVALID_LOGIN = "invalid_login";

    private final SessionService sessions;
    private final Authenticator authenticator;
    private final LoginGuard guard;
    private final ClientAddress clientAddress;
    private final RequestOrigin origin;
    private final CurrentVertxRequest current;
    private final OpenUapiMetrics metrics;
    private final ObjectMapper json;
    private final List<Integer> whmPorts;

    LoginResource(SessionService sessions, Authenticator authenticator, LoginGuard guard, ClientAddress clientAddress, RequestOrigin origin,
            CurrentVertxRequest current, OpenUapiMetrics metrics, ObjectMapper json, OpenUapiConfig config) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.guard = guard;
        this.clientAddress = clientAddress;
        this.origin = origin;
        this.current = current;
        this.metrics = metrics;
        this.json = json;
        this.whmPorts = List.copyOf(config.sessions().whmPorts());
    }

    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Operation(hidden = true)
    public Response login(@FormParam("user") String user, @FormParam("pass") String pass, @QueryParam("login_only") String loginOnlyQuery,
            @FormParam("login_only") String loginOnlyForm) {
        boolean loginOnly = "1".equals(loginOnlyQuery) || "1".equals(loginOnlyForm);
        HttpServerRequest request = current.getCurrent().request();
        Daemon daemon = whmPorts.contains(origin.port(request)) ? Daemon.WHOSTMGRD : Daemon.CPANELD;
        if (user == null || user.isEmpty() || pass == null || pass.isEmpty()) {
            return failure(loginOnly); // nothing to check: not a login attempt
        }
        String address = clientAddress.of(request);
        String service = daemon.wireName();
        LoginGuard.Refusal refusal = guard.check(address, user, service);
        if (refusal != null) {
            metrics.cphulkRefused(refusal.denied() ? "denied" : "blocked");
            Response refused = failure(loginOnly);
            return refusal.denied() ? refused : Response.fromResponse(refused).header("Retry-After", refusal.retryAfterSeconds()).build();
        }
        boolean[] counted = { false };
        // cpaneld takes an account's password, whostmgrd root's or a reseller's: exactly what UAPI and WHM API 1 take.
        Face face = daemon == Daemon.CPANELD ? Face.UAPI : Face.WHM1;
        Optional<Authenticated> who = authenticator.authenticate(face, new AuthorizationHeader(AuthorizationHeader.Scheme.BASIC, user, pass),
                () -> address, reason -> {
                    counted[0] = true;
                    guard.failed(address, user, service, "BASIC " + pass, reason.name());
                });
        if (who.isEmpty()) {
            if (!counted[0]) { // root on cPanel's ports: a login to a service this user has not
                metrics.authFailure(AuthFailure.WRONG_SERVICE);
                guard.failed(address, user, service, "BASIC " + pass, AuthFailure.WRONG_SERVICE.name());
            }
            return failure(loginOnly);
        }
        Authenticated found = who.get();
        SessionService.Issued issued = daemon == Daemon.CPANELD
                ? sessions.login(daemon, found.principal().username(), found.principal().accountId(), address)
                : sessions.login(daemon, found.whmUser().username(), found.whmUser().accountId(), address);
        String token = Face.prefixOf(issued.securityToken());
        Response.ResponseBuilder answer;
        if (loginOnly) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 1);
            body.put("security_token", token);
            body.put("redirect", token + "/");
            answer = Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE);
        } else {
            answer = Response.status(Response.Status.FOUND).header("Location", token + "/");
        }
        return answer.header("Set-Cookie", SessionCookies.set(daemon, issued.secret(), origin.https(request)))
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }

    /**
     * The one-time URL of {@code create_user_session}: {@code /cpsessNNNNNNNNNN/login/?session=…}. Without
     * {@code session} there is nothing to log in with (the login form is a POST).
     */
    @GET
    @Operation(hidden = true)
    public Response oneTime(@QueryParam("session") String loginString) {
        RoutingContext rc = current.getCurrent();
        HttpServerRequest request = rc.request();
        if (loginString == null || loginString.isEmpty()) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST").type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Log in with POST /login/ and the form fields user and pass.\n").build();
        }
        Optional<SessionSecrets.Presented> presented = SessionSecrets.parse(loginString);
        String securityToken = SecurityTokenPaths.securityToken(rc);
        String address = clientAddress.of(request);
        String user = presented.map(SessionSecrets.Presented::user).orElse(null);
        Optional<SessionService.Issued> issued = Optional.empty();
        String service = Daemon.CPANELD.wireName();
        LoginGuard.Refusal refusal = guard.check(address, user, service);
        if (refusal != null) {
            metrics.cphulkRefused(refusal.denied() ? "denied" : "blocked");
            return failure(false);
        }
        if (presented.isPresent() && securityToken != null) {
            issued = sessions.consume(presented.get().whole(), securityToken, address);
        }
        if (issued.isEmpty()) {
            metrics.authFailure(AuthFailure.UNKNOWN_SESSION);
            guard.failed(address, user, service, "session " + loginString, AuthFailure.UNKNOWN_SESSION.name());
            return failure(false);
        }
        return Response.status(Response.Status.TEMPORARY_REDIRECT).header("Location", Face.prefixOf(issued.get().securityToken()) + "/")
                .header("Set-Cookie", SessionCookies.set(issued.get().daemon(), issued.get().secret(), origin.https(request)))
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }

    /** cpsrvd's refused login: 401, cPanel's JSON for {@code login_only=1}, its message otherwise. */
    private Response failure(boolean loginOnly) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 0);
        body.put("message", INVALID_LOGIN);
        Response.ResponseBuilder answer = loginOnly
                ? Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).entity(write(body))
                : Response.status(401).type(MediaType.TEXT_PLAIN_TYPE).entity(INVALID + "\n");
        return answer.header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
