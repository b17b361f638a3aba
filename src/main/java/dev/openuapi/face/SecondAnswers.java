package dev.openuapi.face;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose answer has already gone out, and that then fails writing a second one, is not a server error.
 *
 * <p>Quarkus answers a chunked body over {@code quarkus.http.limits.max-body-size} itself, while the REST face reads it
 * ({@code VertxInputStream}: 413 and the connection closed), and then fails the read with "Request too large". The
 * face's mapper ({@link FaceErrors}) answers that failure in its envelope, which can no longer be written, and
 * Quarkus's error handler would log an ERROR with a stack trace for every such request: a client could fill the log by
 * sending oversized bodies. This failure handler runs before Quarkus's and logs that case at DEBUG; every other
 * failure goes on to Quarkus's handler as before.
 */
@ApplicationScoped
class SecondAnswers {

    private static final Logger LOG = Logger.getLogger(SecondAnswers.class);

    void register(@Observes Router router) {
        router.route().failureHandler(this::failed);
    }

    void failed(RoutingContext rc) {
        if (rc.response().ended() && rc.failure() instanceof IllegalStateException) {
            LOG.debugf("%s %s: the answer (%d) was sent already; not a second one (%s)", rc.request().method(), rc.normalizedPath(),
                    rc.response().getStatusCode(), rc.failure().getMessage());
            return;
        }
        rc.next();
    }
}
