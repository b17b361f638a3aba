package dev.openuapi.face;

import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP responses of the cPanel faces: compact JSON, a trailing newline, cPanel's no-cache headers.
 *
 * <p>A resource method whose every answer is such a body returns {@link #body} ({@code byte[]}), declares
 * {@code @Produces(APPLICATION_JSON)} and puts the two headers on itself with {@code @ResponseHeader}
 * ({@link #CACHE_CONTROL}, {@link #PRAGMA}): Quarkus REST then picks the body's writer once, at build time. A
 * {@link Response} (what {@link #ok} builds, for methods that also answer otherwise) has its writer looked up
 * for every request (issue 13 §1).
 */
public final class WireResponses {

    public static final String CACHE_CONTROL = "no-cache, no-store, must-revalidate, private";
    public static final String PRAGMA = "no-cache";

    private WireResponses() {
    }

    public static Response ok(ObjectMapper json, Object body) {
        return Response.ok(body(json, body), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", CACHE_CONTROL)
                .header("Pragma", PRAGMA)
                .build();
    }

    /**
     * The body: compact JSON and a trailing newline, as UTF-8 bytes written straight from the value (a {@code String} would
     * be copied three times more on every call: out of Jackson's buffer, for the newline, and back into bytes).
     */
    public static byte[] body(ObjectMapper json, Object body) {
        ByteArrayBuilder out = new ByteArrayBuilder(1024);
        try (JsonGenerator generator = json.createGenerator(out)) {
            json.writeValue(generator, body);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new IllegalStateException("A cPanel result could not be serialised", e);
        }
        return out.toByteArray();
    }
}
