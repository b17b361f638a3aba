package dev.openuapi.face;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.openuapi.face.rest.Problem;

/**
 * How a refused request is answered, by API face (spec §2.5): our REST API in problem+json, the cPanel
 * face with a short body that never says which part of the credentials was wrong.
 */
public final class Rejections {

    public static final String TOKEN_PATHS_ONLY = "Token authentication allows access to UAPI or API 2 calls only.";
    public static final String WHM_TOKEN_PATHS_ONLY = "WHM token authentication allows access to WHM API 1 calls, and to cPanel APIs "
            + "through /json-api/cpanel with cpanel_jsonapi_user, only.";

    private Rejections() {
    }

    public static boolean isRestApi(String path) {
        return path.startsWith("/api/");
    }

    /**
     * The failed-login answer for a request. A script in a page (the token page) says so with
     * {@code X-Requested-With} and handles the 401 itself, so it gets no {@code WWW-Authenticate}
     * challenge that would make the browser open its own login prompt.
     */
    public static Response unauthorized(ContainerRequestContext request) {
        Response refused = unauthorized(FaceErrors.pathOf(request.getUriInfo()));
        if (request.getHeaderString("X-Requested-With") == null) {
            return refused;
        }
        return Response.fromResponse(refused).header("WWW-Authenticate", null).build();
    }

    public static Response unauthorized(String path) {
        if (isRestApi(path)) {
            return Problem.response(401, "Unauthorized", "Valid credentials are required.", path);
        }
        if (path.startsWith("/json-api/")) {
            return jsonApiAccessDenied("Access denied");
        }
        return Response.status(401).type(MediaType.TEXT_PLAIN_TYPE).entity("Access denied\n")
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }

    /**
     * What cpsrvd answers on {@code /json-api/} when a login fails (spec §2.5): 403 and this body, with
     * {@code apiversion} and {@code result} as strings.
     */
    public static Response jsonApiAccessDenied(String reason) {
        String body = "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":" + jsonString(reason)
                + ",\"data\":{\"reason\":" + jsonString(reason) + ",\"result\":\"0\"},\"type\":\"text\"}}\n";
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }

    private static String jsonString(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    public static Response forbidden(String path, String reason) {
        if (isRestApi(path)) {
            return Problem.response(403, "Forbidden", reason, path);
        }
        return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity(reason + "\n")
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private").build();
    }
}
