package dev.openuapi.face;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A refusal as it goes on the wire: status, content type, headers and body. A JAX-RS filter sends it as a
 * {@link Response}, the HTTP route filter in front of every route writes it straight to Vert.x, and both
 * send the same bytes.
 *
 * @param body a {@code String}, or a JSON object as a {@code Map} (problem+json)
 */
public record Reply(int status, String contentType, Map<String, String> headers, Object body) {

    static final String NO_CACHE = "no-cache, no-store, must-revalidate, private";

    public Reply {
        headers = Map.copyOf(headers);
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain;charset=UTF-8", Map.of("Cache-Control", NO_CACHE), text + "\n");
    }

    static Reply json(int status, String json) {
        return new Reply(status, "application/json", Map.of("Cache-Control", NO_CACHE), json + "\n");
    }

    /** The same reply without a {@code WWW-Authenticate} challenge (a script handles the 401 itself). */
    public Reply withoutChallenge() {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.remove("WWW-Authenticate");
        return new Reply(status, contentType, kept, body);
    }

    /** The same reply with one more header. */
    public Reply withHeader(String name, String value) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.put(name, value);
        return new Reply(status, contentType, kept, body);
    }

    public Response response() {
        Response.ResponseBuilder builder = Response.status(status).type(contentType).entity(body);
        headers.forEach(builder::header);
        return builder.build();
    }

    public void send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader("Content-Type", contentType);
        headers.forEach(response::putHeader);
        response.end(body instanceof Map<?, ?> map ? new JsonObject(toStringKeys(map)).encode() : String.valueOf(body));
    }

    private static Map<String, Object> toStringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
