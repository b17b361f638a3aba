package dev.openuapi.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openuapi.face.Face;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The Manage API Tokens page ({@code /tokens/}, static files in {@code META-INF/resources/tokens}) is
 * served with headers that keep it to itself: a Content-Security-Policy that allows only our own script,
 * style and API (no inline script at all), no framing, no referrer, no caching, no MIME sniffing.
 */
@ApplicationScoped
public class TokenPageHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::filter, 90);
    }

    void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (Face.of(path) != Face.PAGE) {
            rc.next();
            return;
        }
        if (!path.startsWith(Face.PAGE_ROOT)) {
            rc.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, Face.PAGE_ROOT).end();
            return;
        }
        rc.addHeadersEndHandler(ignored -> rc.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Content-Type-Options", "nosniff")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                .set(HttpHeaders.CACHE_CONTROL, "no-store"));
        rc.next();
    }
}
