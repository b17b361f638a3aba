package dev.openuapi.face;

import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
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
     * be copied three times more on every call: out of Jackson's buffer, for the newline, and back into bytes). Written
     * into Jackson's recycled buffers, as {@link ObjectMapper#writeValueAsBytes} does: a buffer of its own for every call
     * was about 7 % of what a valid-token call allocated (issue 13, src/docs/benchmark.md).
     */
    public static byte[] body(ObjectMapper json, Object body) {
        BufferRecycler recycler = json.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = json.createGenerator(out)) {
                json.writeValue(generator, body);
                generator.writeRaw('\n');
            }
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("A cPanel result could not be serialised", e);
        } finally {
            recycler.releaseToPool();
        }
    }
}
