package dev.openuapi.face;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A {@code Content-Type} that does not parse ({@code ;;;//}) made Quarkus REST fail while it matched the
 * resource, before authentication: an "internal error" for anyone, logged at ERROR. This route filter, in
 * front of every route, takes such a header out and remembers it, so the request is matched and
 * authenticated like any other (a caller without valid credentials gets the face's ordinary 401 or 403)
 * and an authenticated caller then gets {@link #refusalIfAny}'s clear error in the face's envelope.
 */
@ApplicationScoped
public class MalformedRequests {

    private static final Logger LOG = Logger.getLogger(MalformedRequests.class);
    private static final String REFUSAL = MalformedRequests.class.getName() + ".refusal";

    void register(@Observes Filters filters) {
        filters.register(this::check, 200); // before TokenPathGuard (100) and every route
    }

    void check(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String problem = contentType == null ? null : problem(contentType);
        if (problem != null) {
            rc.request().headers().remove(HttpHeaders.CONTENT_TYPE);
            rc.put(REFUSAL, "The Content-Type header " + Quote.of(contentType) + " " + problem);
            LOG.debugf("Malformed Content-Type on %s", rc.normalizedPath());
        }
        rc.next();
    }

    /** What is wrong with the header, or {@code null}. A multipart body without a boundary cannot be split into its fields. */
    private static String problem(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return "is not a valid media type.";
        }
        String boundary = type.getParameters().get("boundary");
        if ("multipart".equalsIgnoreCase(type.getType()) && (boundary == null || boundary.isEmpty())) {
            return "has no boundary.";
        }
        return null;
    }

    /** What was wrong with this request's headers, as an error for an authenticated caller; {@code null} when nothing. */
    public static ApiException refusalIfAny(RoutingContext rc) {
        String refusal = rc.get(REFUSAL);
        return refusal == null ? null : ApiException.invalid(refusal);
    }
}
