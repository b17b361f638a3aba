package dev.openuapi.face;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.openuapi.common.ApiException;
import dev.openuapi.face.rest.Problem;
import dev.openuapi.face.uapi.UapiResult;

/**
 * The one place where exceptions become HTTP answers, routed by URL prefix: the cPanel face
 * ({@code /execute}) answers in the UAPI envelope with HTTP 200, our REST face ({@code /api/}) in
 * {@code application/problem+json}. Unexpected errors are logged and never echoed.
 */
public class FaceErrors {

    private static final Logger LOG = Logger.getLogger(FaceErrors.class);

    private static final String UNREADABLE_BODY = "The request body could not be read: send a JSON object with the documented fields and types.";

    private final ObjectMapper json;

    FaceErrors(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        String path = pathOf(uri);
        if (isCpanelFace(path)) {
            return WireResponses.ok(json, UapiResult.failure(e.getMessage()).toMap());
        }
        return Problem.of(e, path);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problem.response(400, "Invalid request", UNREADABLE_BODY, pathOf(uri));
    }

    /** Ahead of Quarkus's built-in mapper, which would echo the parser's view of our classes. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e, UriInfo uri) {
        String path = pathOf(uri);
        Response original = e.getResponse();
        if (!path.startsWith("/api/") || original.getStatus() >= 500) {
            return original.getStatus() >= 500 ? unexpected(e, uri) : original;
        }
        Response.StatusType status = original.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 400 -> UNREADABLE_BODY;
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested media type is not available.";
            case 415 -> "This media type is not supported here; send application/json.";
            default -> status.getReasonPhrase();
        };
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail, path);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String path = pathOf(uri);
        LOG.errorf(e, "Unexpected error on %s", path);
        if (isCpanelFace(path)) {
            return WireResponses.ok(json, UapiResult.failure("The system encountered an internal error.").toMap());
        }
        return Problem.response(500, "Internal error", "The server could not complete the request.", path);
    }

    public static String pathOf(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    private static boolean isCpanelFace(String path) {
        return path.startsWith("/execute/");
    }
}
