package dev.openuapi.face.uapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.activity.ActivityRecorder;
import dev.openuapi.auth.RequestAuthentication;
import dev.openuapi.common.ApiException;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.Face;
import dev.openuapi.face.RequestArgs;
import dev.openuapi.face.WireResponses;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Outcome;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Upload;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /execute/Fileman/upload_files} with a {@code multipart/form-data} body: the one UAPI call whose body may
 * be larger than {@code quarkus.http.limits.max-body-size} (up to {@code openuapi.files.max-upload-size}), and whose
 * files are streamed to disk instead of held in memory. A Vert.x route of its own, after the route filters (which read
 * the credentials) and before Quarkus's body-size check ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2), which
 * therefore still applies to every other request. It authenticates the caller as every other call is
 * ({@link RequestAuthentication}) before it reads one byte of the body; then it spools each file part to a private
 * temporary directory, counting the bytes (past the limit: 413 and nothing is kept), and runs the function through the
 * {@link Dispatcher} like {@link ExecuteResource}, with the files as {@link Upload}s. Every other request to the path
 * (GET, a form or JSON body) goes on to {@link ExecuteResource}.
 */
@ApplicationScoped
public class UploadRoute {

    static final String MODULE = "Fileman";
    static final String FUNCTION = "upload_files";
    static final String PATH = "/execute/" + MODULE + "/" + FUNCTION;
    /** After the route filters (negative orders from -100 down), before Quarkus's body-size limit (-2). */
    static final int ORDER = -3;

    private static final Logger LOG = Logger.getLogger(UploadRoute.class);

    private final RequestAuthentication authentication;
    private final Dispatcher dispatcher;
    private final ActivityRecorder activity;
    private final CurrentVertxRequest currentRequest;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int maxParameters;

    UploadRoute(RequestAuthentication authentication, Dispatcher dispatcher, ActivityRecorder activity, CurrentVertxRequest currentRequest,
            ObjectMapper json, OpenUapiConfig config) {
        this.authentication = authentication;
        this.dispatcher = dispatcher;
        this.activity = activity;
        this.currentRequest = currentRequest;
        this.json = json;
        this.maxBytes = config.files().maxUploadSize().asLongValue();
        this.maxParameters = config.input().maxParameters();
    }

    void register(@Observes Router router) {
        router.post(PATH).order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            rc.next(); // not an upload: ExecuteResource, under the ordinary body limit
            return;
        }
        HttpServerRequest request = rc.request();
        request.pause(); // not one byte is read before the caller is known
        blocking(rc, () -> inRequestContext(rc, () -> authentication.authenticate(Face.UAPI, rc.normalizedPath(), rc,
                request.getHeader("X-Requested-With") != null))).onComplete(done -> {
                    if (done.failed()) {
                        fail(rc, done.cause());
                        return;
                    }
                    RequestAuthentication.Result result = done.result();
                    Principal principal = result.who() == null ? null : result.who().principal();
                    if (principal == null) {
                        (result.refusal() != null ? result.refusal() : Face.UAPI.unauthorized(rc.normalizedPath()))
                                .withHeader(HttpHeaders.CONNECTION.toString(), "close").send(rc.response());
                        return;
                    }
                    receive(rc, principal);
                });
    }

    /** An authenticated upload: refused at once when too large or when the account (or its token's scope) may not use the function, else spooled. */
    private void receive(RoutingContext rc, Principal principal) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLength(length) > maxBytes) {
            tooLarge(rc);
            return;
        }
        // the account's features and a token's scope, as the dispatcher checks them
        boolean allowed = dispatcher.mayRun(ApiKind.UAPI, principal, MODULE, FUNCTION);
        if (!allowed) {
            // the dispatcher words the refusal; the body is never read
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            blocking(rc, () -> run(rc, principal, RequestArgs.query(request.query(), maxParameters), List.of()))
                    .onComplete(done -> respond(rc, done.succeeded() ? done.result() : null, done.cause()));
            return;
        }
        blocking(rc, () -> Files.createTempDirectory("openuapi-upload-")).onComplete(made -> {
            if (made.failed()) {
                failBeforeRun(rc, made.cause());
                return;
            }
            new Spool(rc, principal, made.result()).start();
        });
    }

    /** One request's file parts, written to {@code dir} as they arrive; the whole request is bounded by maxBytes. */
    private final class Spool {
        private final RoutingContext rc;
        private final Principal principal;
        private final Path dir;
        private final List<Future<Upload>> parts = new ArrayList<>();
        private long received;
        private boolean refused;
        /** The whole body arrived: from here on the dispatcher records the call. */
        private boolean ended;

        Spool(RoutingContext rc, Principal principal, Path dir) {
            this.rc = rc;
            this.principal = principal;
            this.dir = dir;
        }

        void start() {
            HttpServerRequest request = rc.request();
            request.setExpectMultipart(true);
            request.uploadHandler(this::part);
            request.exceptionHandler(e -> {
                if (!refused) {
                    refused = true;
                    cleanUp();
                    if (!ended) {
                        activity.routeCall(rc, MODULE, FUNCTION, ActivityRecorder.Result.FAILED); // the client went away mid-upload
                    }
                    LOG.debugf("An upload ended early: %s", e.getMessage());
                }
            });
            request.endHandler(v -> {
                ended = true;
                whenSpooled(request);
            });
            request.resume();
        }

        private void whenSpooled(HttpServerRequest request) {
            Future.all(new ArrayList<>(parts)).onComplete(all -> {
                if (refused) {
                    return;
                }
                if (all.failed()) {
                    cleanUp();
                    failBeforeRun(rc, all.cause());
                    return;
                }
                List<Upload> uploads = new ArrayList<>();
                parts.forEach(part -> uploads.add(part.result()));
                blocking(rc, () -> {
                    try {
                        return run(rc, principal, RequestArgs.multipart(request.query(), request.formAttributes(), maxParameters), uploads);
                    } finally {
                        delete(dir);
                    }
                }).onComplete(done -> respond(rc, done.succeeded() ? done.result() : null, done.cause()));
            });
        }

        private void part(HttpServerFileUpload upload) {
            if (refused) {
                return;
            }
            upload.pause();
            Path file = dir.resolve("part-" + parts.size());
            Promise<Upload> written = Promise.promise();
            parts.add(written.future());
            rc.vertx().fileSystem().open(file.toString(), new OpenOptions().setCreateNew(true).setWrite(true)).onComplete(opened -> {
                if (opened.failed()) {
                    written.fail(opened.cause());
                    upload.resume();
                    return;
                }
                AsyncFile out = opened.result();
                long[] size = {0};
                boolean[] closed = {false};
                Runnable close = () -> {
                    if (!closed[0]) {
                        closed[0] = true;
                        out.close();
                    }
                };
                upload.handler(chunk -> {
                    if (refused) {
                        close.run();
                        return;
                    }
                    received += chunk.length();
                    size[0] += chunk.length();
                    if (received > maxBytes) {
                        refused = true;
                        close.run();
                        cleanUp();
                        tooLarge(rc);
                        return;
                    }
                    out.write(chunk);
                    if (out.writeQueueFull()) {
                        upload.pause();
                        out.drainHandler(drained -> upload.resume());
                    }
                });
                upload.exceptionHandler(e -> {
                    close.run();
                    written.tryFail(e);
                });
                upload.endHandler(end -> {
                    if (closed[0]) {
                        written.tryFail("The upload was refused.");
                        return;
                    }
                    closed[0] = true;
                    out.close().onComplete(done -> {
                        if (done.failed()) {
                            written.tryFail(done.cause());
                        } else {
                            written.tryComplete(new Upload(upload.name(), upload.filename(), size[0], () -> Files.newInputStream(file)));
                        }
                    });
                });
                upload.resume();
            });
        }

        private void cleanUp() {
            rc.vertx().executeBlocking(() -> {
                delete(dir);
                return null;
            }, false);
        }
    }

    /** The dispatcher runs the function and records the call in the activity log, as for any UAPI call. */
    private Outcome run(RoutingContext rc, Principal principal, Args args, List<Upload> uploads) {
        return inRequestContext(rc, () -> dispatcher.run(ApiKind.UAPI, principal, MODULE, FUNCTION, args, uploads));
    }

    private void respond(RoutingContext rc, Outcome outcome, Throwable failure) {
        if (rc.response().ended()) {
            return;
        }
        UapiResult result;
        if (outcome != null) {
            result = UapiResult.of(outcome, Args.empty());
        } else if (failure instanceof ApiException e) {
            result = UapiResult.failure(e.getMessage());
        } else {
            fail(rc, failure);
            return;
        }
        rc.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, WireResponses.CACHE_CONTROL).putHeader("Pragma", WireResponses.PRAGMA)
                .end(Buffer.buffer(WireResponses.body(json, result.toMap())));
    }

    /**
     * cpsrvd's answer to an upload over its limit: 413, and the connection is closed so the rest is never read. The call
     * was authenticated: it is in the activity log, failed.
     */
    private void tooLarge(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        activity.routeCall(rc, MODULE, FUNCTION, ActivityRecorder.Result.FAILED);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(WireResponses.body(json, UapiResult.failure("The upload is larger than " + maxBytes + " bytes.").toMap())));
    }

    /** An authenticated upload that could not be spooled: failed in the activity log (the dispatcher never saw it), then 500. */
    private void failBeforeRun(RoutingContext rc, Throwable cause) {
        activity.routeCall(rc, MODULE, FUNCTION, ActivityRecorder.Result.FAILED);
        fail(rc, cause);
    }

    private static void fail(RoutingContext rc, Throwable cause) {
        LOG.error("An upload failed", cause);
        if (!rc.response().ended()) {
            rc.response().setStatusCode(500).putHeader(HttpHeaders.CONNECTION, "close").end();
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <T> Future<T> blocking(RoutingContext rc, Callable<T> work) {
        return rc.vertx().executeBlocking(work, false);
    }

    /**
     * Runs {@code work} in a request context whose current Vert.x request is {@code rc}, as a JAX-RS resource's is: the
     * activity log reads from it who called (what the credential check left on {@code rc}).
     */
    private <T> T inRequestContext(RoutingContext rc, java.util.function.Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            if (currentRequest.getCurrent() == null) {
                currentRequest.setCurrent(rc);
            }
            return work.get();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not remove the upload spool %s: %s", dir, e.getMessage());
        }
    }
}
