package dev.openuapi.face;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP responses of the cPanel face: compact JSON, a trailing newline, cPanel's no-cache headers. */
public final class WireResponses {

    private WireResponses() {
    }

    public static Response ok(ObjectMapper json, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A UAPI result could not be serialised", e);
        }
        return Response.ok(text, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private")
                .header("Pragma", "no-cache")
                .build();
    }
}
