package dev.openuapi.face;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Clickjacking (issue 12 row 12): what a browser shows outside the faces (Swagger UI, the OpenAPI document)
 * may not be framed by any site: {@code X-Frame-Options: DENY} for old browsers and
 * {@code Content-Security-Policy: frame-ancestors 'none'} for current ones. The token page has its own, stricter
 * policy ({@code page.TokenPageHeaders}); the cPanel faces' answers are data for programs and keep cPanel's headers.
 */
@ApplicationScoped
public class FramingHeaders {

    static final String X_FRAME_OPTIONS = "X-Frame-Options";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String FRAME_ANCESTORS = "frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 110);
    }

    void addHeaders(RoutingContext rc) {
        Face face = Face.of(rc.normalizedPath());
        if (face == Face.OTHER) {
            rc.addHeadersEndHandler(ignored -> {
                var headers = rc.response().headers();
                headers.set(X_FRAME_OPTIONS, "DENY");
                String policy = headers.get(CONTENT_SECURITY_POLICY);
                if (policy == null || policy.isBlank()) {
                    headers.set(CONTENT_SECURITY_POLICY, FRAME_ANCESTORS);
                } else if (!policy.contains("frame-ancestors")) {
                    headers.set(CONTENT_SECURITY_POLICY, policy + "; " + FRAME_ANCESTORS);
                }
            });
        }
        rc.next();
    }
}
