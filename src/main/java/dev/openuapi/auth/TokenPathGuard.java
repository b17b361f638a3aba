package dev.openuapi.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openuapi.face.Rejections;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A cPanel API token works only on UAPI, API 2 and our token API (spec §2.1); anywhere else (admin API,
 * WHM API 1, OpenAPI, health) it is refused with 403 before any resource runs. A WHM token works only on
 * {@code /json-api/}: WHM API 1, and the cPanel APIs by acting as a user (spec §2.2). This needs no database, so it runs
 * as an HTTP filter in front of every route.
 */
@ApplicationScoped
public class TokenPathGuard {

    void register(@Observes Filters filters) {
        filters.register(this::guard, 100);
    }

    void guard(RoutingContext rc) {
        AuthorizationHeader.Scheme scheme = AuthorizationHeader.schemeOfHeader(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        String reason;
        if (scheme == AuthorizationHeader.Scheme.CPANEL && !tokenMayUse(rc.normalizedPath())) {
            reason = Rejections.TOKEN_PATHS_ONLY;
        } else if (scheme == AuthorizationHeader.Scheme.WHM && !whmTokenMayUse(rc.normalizedPath())) {
            reason = Rejections.WHM_TOKEN_PATHS_ONLY;
        } else {
            rc.next();
            return;
        }
        boolean rest = Rejections.isRestApi(rc.normalizedPath());
        String body = rest
                ? "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + reason + "\"}"
                : reason + "\n";
        rc.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, rest ? "application/problem+json" : "text/plain;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    static boolean tokenMayUse(String rawPath) {
        String path = withoutMatrix(rawPath);
        return path.startsWith("/execute/") || isJsonApiCpanel(path)
                || path.equals("/api/v1/tokens") || path.startsWith("/api/v1/tokens/");
    }

    /** A WHM token: WHM API 1, and the cPanel APIs only by acting as a user through {@code /json-api/cpanel}. */
    static boolean whmTokenMayUse(String rawPath) {
        return withoutMatrix(rawPath).startsWith("/json-api/");
    }

    static boolean isJsonApiCpanel(String rawPath) {
        String path = withoutMatrix(rawPath);
        return path.equals("/json-api/cpanel") || path.equals("/json-api/cpanel/");
    }

    private static String withoutMatrix(String rawPath) {
        int matrix = rawPath.indexOf(';'); // path parameters do not change which resource answers
        return matrix < 0 ? rawPath : rawPath.substring(0, matrix);
    }
}
