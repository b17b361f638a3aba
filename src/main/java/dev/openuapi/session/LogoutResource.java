package dev.openuapi.session;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.openuapi.auth.RequestOrigin;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /logout/} (also under a security token): ends the sessions whose cookies the request carries, on every
 * replica within a second (the row is deleted and the change announced in the change feed), and tells the browser
 * to forget the cookies. A request from another site that carries a cookie is refused before it gets here
 * ({@code auth.CrossSiteRequests}).
 */
@Path("/logout{slash: /?}")
public class LogoutResource {

    static final String LOGGED_OUT = "You have logged out.";

    private final SessionService sessions;
    private final RequestOrigin origin;
    private final CurrentVertxRequest current;

    LogoutResource(SessionService sessions, RequestOrigin origin, CurrentVertxRequest current) {
        this.sessions = sessions;
        this.origin = origin;
        this.current = current;
    }

    @GET
    @Operation(hidden = true)
    public Response get() {
        return logout();
    }

    @POST
    @Operation(hidden = true)
    public Response post() {
        return logout();
    }

    private Response logout() {
        HttpServerRequest request = current.getCurrent().request();
        boolean secure = origin.https(request);
        Response.ResponseBuilder answer = Response.ok(LOGGED_OUT + "\n", MediaType.TEXT_PLAIN_TYPE)
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private");
        for (Daemon daemon : Daemon.values()) {
            Cookie cookie = request.getCookie(daemon.cookieName());
            if (cookie == null) {
                continue;
            }
            Optional<SessionSecrets.Presented> presented = SessionSecrets.parse(cookie.getValue());
            presented.ifPresent(p -> sessions.end(p.hash()));
            answer.header("Set-Cookie", SessionCookies.clear(daemon, secure));
        }
        return answer.build();
    }
}
