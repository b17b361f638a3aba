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
 * §2.2). This needs no database, so it also guards what is not a resource (OpenAPI, the page). It also
 * refuses, with the face's 403, browser credentials sent on another site's behalf ({@link CrossSiteRequests}), and
 * reads a session's cookies and the security token {@link SecurityTokenPaths} took off the path.
 */
@ApplicationScoped
public class TokenPathGuard {

    private static final String PRESENTED = TokenPathGuard.class.getName() + ".presented";
    private static final String SESSION = TokenPathGuard.class.getName() + ".session";

    private final CrossSiteRequests crossSite;

    TokenPathGuard(CrossSiteRequests crossSite) {
        this.crossSite = crossSite;
    }

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
        // Browser credentials sent on another site's behalf (issue 12 §3), on every face that takes credentials.
        if (face != Face.PAGE && face != Face.OTHER && crossSite.refused(rc.request(), presented)) {
            face.forbidden(rc.normalizedPath(), CrossSiteRequests.REFUSED).send(rc.response());
            return;
        }
        if (presented != null) {
            rc.put(PRESENTED, presented);
        }
        PresentedSession session = PresentedSession.read(rc.request(), SecurityTokenPaths.securityToken(rc));
        if (session != null) {
            rc.put(SESSION, session);
        }
        rc.next();
    }

    /** The credentials read from this request's header, or {@code null}. */
    static AuthorizationHeader presented(RoutingContext rc) {
        return rc.get(PRESENTED);
    }

    /** The session cookies and security token this request presents, or {@code null}. */
    static PresentedSession session(RoutingContext rc) {
        return rc.get(SESSION);
    }
}
