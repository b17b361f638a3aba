package dev.openuapi.face.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.openuapi.common.ApiException;
import dev.openuapi.face.Reply;

/** RFC 9457 {@code application/problem+json} bodies for our own REST API ({@code /api/}). */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Reply reply(int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        if (status == 401) {
            headers.put("WWW-Authenticate", "Basic realm=\"OpenUAPI\", charset=\"UTF-8\"");
        }
        return new Reply(status, MEDIA_TYPE, headers, body);
    }

    public static Response response(int status, String title, String detail, String instance) {
        return reply(status, title, detail, instance).response();
    }

    public static Response of(ApiException e, String instance) {
        return response(e.kind().httpStatus, e.kind().title, e.getMessage(), instance);
    }
}
