package dev.openuapi.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openuapi.face.Credential;
import dev.openuapi.face.Face;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of every route, before any resource runs: reads the {@code Authorization} header once (the
 * {@link CredentialFilter} takes it from here) and refuses, with the face's 403, a token on a face that
 * does not take tokens of its kind. A cPanel API token works only on UAPI, API 2 and our token API (spec
 * §2.1); a WHM token only on {@code /json-api/}: WHM API 1, and the cPanel APIs by acting as a user (spec
 * §2.2). This needs no database, so it also guards what is not a resource (OpenAPI, the page).
 */
@ApplicationScoped
public class TokenPathGuard {

    private static final String PRESENTED = TokenPathGuard.class.getName() + ".presented";

    void register(@Observes Filters filters) {
        filters.register(this::guard, 100);
    }

    void guard(RoutingContext rc) {
        AuthorizationHeader presented = AuthorizationHeader.read(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        Face face = Face.of(rc.normalizedPath());
        if (presented != null && presented.scheme() == AuthorizationHeader.Scheme.CPANEL && !face.accepts(Credential.CPANEL_TOKEN)) {
            face.forbidden(rc.normalizedPath(), Face.TOKEN_PATHS_ONLY).send(rc.response());
            return;
        }
        if (presented != null && presented.scheme() == AuthorizationHeader.Scheme.WHM && !face.accepts(Credential.WHM_TOKEN)) {
            face.forbidden(rc.normalizedPath(), Face.WHM_TOKEN_PATHS_ONLY).send(rc.response());
            return;
        }
        if (presented != null) {
            rc.put(PRESENTED, presented);
        }
        rc.next();
    }

    /** The credentials read from this request's header, or {@code null}. */
    static AuthorizationHeader presented(RoutingContext rc) {
        return rc.get(PRESENTED);
    }
}
