package dev.openuapi.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openuapi.face.Face;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * A session's calls carry its security token as the path's first segment ({@code /cpsess1234567890/execute/…},
 * spec §1). In front of every route and every other filter, this takes the token off the path, remembers it for
 * the credential check ({@link #securityToken}) and routes the request again on the rest of the path, so every
 * face answers under the token without knowing it. Token and Basic clients may send a token too (spec §14); for
 * them it is ignored.
 *
 * <p>The access log ({@code face.AccessLog}) writes one line per request when it ends, with the path it was routed
 * on ({@code %R}), so it never shows a security token.
 */
@ApplicationScoped
public class SecurityTokenPaths {

    private static final String TOKEN = SecurityTokenPaths.class.getName() + ".token";
    /** Before every other filter: MalformedRequests (200), TokenPathGuard (100), … */
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(this::reroute, PRIORITY);
    }

    void reroute(RoutingContext rc) {
        // Every token is taken off at once, so the rerouted request passes straight through here. The normalised path
        // (percent-encoded letters decoded, dot segments gone), so that /%63psess… or /./cpsess… is a token too.
        Face.SessionPath under = Face.sessionPath(rc.normalizedPath());
        if (under == null) {
            rc.next();
            return;
        }
        rc.put(TOKEN, under.securityToken());
        String query = rc.request().query();
        rc.reroute(query == null ? under.rest() : under.rest() + "?" + query);
    }

    /** The security token this request's path began with (its digits), or {@code null}. */
    public static String securityToken(RoutingContext rc) {
        return rc.get(TOKEN);
    }
}
