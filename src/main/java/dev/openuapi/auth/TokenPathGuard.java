package dev.openuapi.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A cPanel API token works only on UAPI, API 2 and our token API (spec §2.1); anywhere else (admin API,
 * OpenAPI, health) it is refused with 403 before any resource runs. This needs no database, so it runs
 * as an HTTP filter in front of every route.
 */
@ApplicationScoped
public class TokenPathGuard {

    void register(@Observes Filters filters) {
        filters.register(this::guard, 100);
    }

    void guard(RoutingContext rc) {
        String scheme = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (AuthorizationHeader.schemeOfHeader(scheme) != AuthorizationHeader.Scheme.CPANEL || tokenMayUse(rc.normalizedPath())) {
            rc.next();
            return;
        }
        boolean rest = Rejections.isRestApi(rc.normalizedPath());
        String body = rest
                ? "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + Rejections.TOKEN_PATHS_ONLY + "\"}"
                : Rejections.TOKEN_PATHS_ONLY + "\n";
        rc.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, rest ? "application/problem+json" : "text/plain;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    static boolean tokenMayUse(String rawPath) {
        int matrix = rawPath.indexOf(';'); // path parameters do not change which resource answers
        String path = matrix < 0 ? rawPath : rawPath.substring(0, matrix);
        return path.startsWith("/execute/")
                || path.equals("/json-api/cpanel") || path.equals("/json-api/cpanel/")
                || path.equals("/api/v1/tokens") || path.startsWith("/api/v1/tokens/");
    }
}
