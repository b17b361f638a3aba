package dev.openuapi.face;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The OpenAPI document ({@code /q/openapi}), built at its first request and then answered from memory.
 *
 * <p>With {@link RegistryOpenApiFilter}'s operations the document is about 0.8 MB of JSON (0.6 MB of YAML).
 * Quarkus builds and serialises a document whose filters run at start-up ({@code RUNTIME_STARTUP}) before the
 * service starts, in both formats: about 0.5 s of a 4 s JVM start (issue 13). The filter therefore runs per
 * build ({@code RUNTIME_PER_REQUEST}), which Quarkus would repeat for every request (some 30 ms of CPU for
 * anyone, unauthenticated); this filter, in front of Quarkus's handler, builds each format once, on a worker
 * thread, and keeps its bytes. It answers like Quarkus's handler: the format from a {@code .json},
 * {@code .yaml} or {@code .yml} suffix, else JSON when {@code Accept} names it or {@code format=json}, else
 * YAML. {@code OPTIONS}, and any path it does not recognise, go on to Quarkus's handler, which serves the same
 * document (built per request).
 */
@ApplicationScoped
public class OpenApiDocumentCache {

    private static final Logger LOG = Logger.getLogger(OpenApiDocumentCache.class);
    /** After every other filter (the framing headers are 110), before every route. */
    static final int PRIORITY = 1;

    private final OpenApiDocumentService documents;
    private final Map<Format, byte[]> built = new ConcurrentHashMap<>();
    private final String path;
    private final boolean enabled;

    OpenApiDocumentCache(OpenApiDocumentService documents) {
        this.documents = documents;
        var config = ConfigProvider.getConfig();
        this.path = path(config.getOptionalValue("quarkus.http.root-path", String.class).orElse("/"),
                config.getOptionalValue("quarkus.http.non-application-root-path", String.class).orElse("q"),
                config.getOptionalValue("quarkus.smallrye-openapi.path", String.class).orElse("openapi"));
        this.enabled = config.getOptionalValue("quarkus.smallrye-openapi.enable", Boolean.class).orElse(true);
    }

    /**
     * Where Quarkus serves the document: {@code /q/openapi} by default. A relative non-application root is under
     * the HTTP root path, a relative document path under the non-application root; absolute ones stand alone.
     */
    static String path(String rootPath, String nonApplicationRoot, String documentPath) {
        String root = withSlashes(rootPath);
        String nonApplication = nonApplicationRoot.startsWith("/") ? withSlashes(nonApplicationRoot) : root + withSlashes(nonApplicationRoot).substring(1);
        String document = documentPath.startsWith("/") ? documentPath : nonApplication + documentPath;
        return document.endsWith("/") ? document.substring(0, document.length() - 1) : document;
    }

    private static String withSlashes(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p : p + "/";
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::serve, PRIORITY);
        }
    }

    void serve(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        Format format = (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) ? format(rc) : null;
        if (format == null) {
            rc.next();
            return;
        }
        byte[] document = built.get(format);
        if (document != null) {
            send(rc, format, document);
            return;
        }
        rc.vertx().executeBlocking(() -> built.computeIfAbsent(format, this::build), false).onComplete(result -> {
            if (result.succeeded()) {
                send(rc, format, result.result());
            } else {
                LOG.error("Could not build the OpenAPI document", result.cause());
                rc.fail(result.cause());
            }
        });
    }

    private byte[] build(Format format) {
        long start = System.nanoTime();
        byte[] document = documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, format);
        LOG.debugf("Built the OpenAPI document (%s, %d bytes) in %d ms", format, document.length, (System.nanoTime() - start) / 1_000_000);
        return document;
    }

    /** The format Quarkus's handler would answer with, or {@code null} when the path is not the document's. */
    Format format(RoutingContext rc) {
        String requested = rc.normalizedPath();
        if (!requested.startsWith(path)) {
            return null; // every request passes here: nothing is built for the others
        }
        switch (requested.substring(path.length())) {
            case ".json":
                return Format.JSON;
            case ".yaml", ".yml":
                return Format.YAML;
            case "", "/":
                break;
            default:
                return null;
        }
        String accept = rc.request().getHeader("Accept");
        List<String> formats = rc.queryParam("format");
        String requestedFormat = formats.isEmpty() ? null : formats.get(0);
        return (accept != null && accept.contains(Format.JSON.getMimeType())) || "JSON".equalsIgnoreCase(requestedFormat)
                ? Format.JSON
                : Format.YAML;
    }

    private static void send(RoutingContext rc, Format format, byte[] document) {
        rc.response().putHeader("Content-Type", format.getMimeType() + ";charset=" + StandardCharsets.UTF_8.name());
        rc.response().end(Buffer.buffer(document));
    }

    /** For the test: the formats built so far. */
    Set<Format> built() {
        return Set.copyOf(built.keySet());
    }
}
