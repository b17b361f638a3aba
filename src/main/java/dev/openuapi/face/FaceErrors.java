package dev.openuapi.face;

import java.io.IOException;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DatabaseUnavailable;
import dev.openuapi.face.api2.Api2Result;
import dev.openuapi.face.rest.Problem;
import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.face.whm0.Whm0Result;
import dev.openuapi.face.whm1.WhmResource;
import dev.openuapi.face.whm1.WhmResult;

/**
 * The one place where exceptions become HTTP answers, each in its face's own envelope: the cPanel faces
 * answer HTTP 200 with a failed UAPI result, API 2's {@code cpanelresult} or WHM API 1's {@code metadata};
 * our REST API answers {@code application/problem+json}. Unexpected errors are logged and never echoed.
 */
public class FaceErrors {

    private static final Logger LOG = Logger.getLogger(FaceErrors.class);

    static final String UNREADABLE_BODY = "The request body could not be read: send a JSON object with the documented fields and types.";
    static final String BODY_NOT_READ = "The request body could not be read: it ended early or does not match its Content-Type.";
    static final String INTERNAL = "The system encountered an internal error.";

    private final ObjectMapper json;

    FaceErrors(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        String path = Face.pathOf(uri);
        Face face = Face.of(path);
        return face.isCpanel() ? cpanelFailure(face, uri, e.getMessage()) : Problem.of(e, path);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String path = Face.pathOf(uri);
        Face face = Face.of(path);
        return face.isCpanel() ? cpanelFailure(face, uri, UNREADABLE_BODY) : Problem.response(400, "Invalid request", UNREADABLE_BODY, path);
    }

    /**
     * A body that ends early or breaks its multipart boundary: the client's mistake, answered in the face's
     * envelope and logged at DEBUG without a stack trace (issue 12 row 9).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        String path = Face.pathOf(uri);
        LOG.debugf("Unreadable request body on %s: %s", path, e.getMessage());
        Face face = Face.of(path);
        return face.isCpanel() ? cpanelFailure(face, uri, BODY_NOT_READ) : Problem.response(400, "Invalid request", BODY_NOT_READ, path);
    }

    /** Ahead of Quarkus's built-in mapper, which would echo the parser's view of our classes. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** JAX-RS's own refusals (no such resource, wrong method, …): as they are, in problem+json on our REST API. */
    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return unexpected(e, uri);
        }
        String path = Face.pathOf(uri);
        if (Face.of(path).isCpanel() || Face.of(path) == Face.PAGE || Face.of(path) == Face.OTHER) {
            return original;
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
        String path = Face.pathOf(uri);
        Face face = Face.of(path);
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e, face, uri, path);
        }
        LOG.errorf(e, "Unexpected error on %s", path);
        return face.isCpanel() ? cpanelFailure(face, uri, INTERNAL)
                : Problem.response(500, "Internal error", "The server could not complete the request.", path);
    }

    /**
     * The database did not answer in time (issue 12 §4), often already in the credential filter: the cPanel
     * faces answer their own failed envelope, our REST API 503 with {@code Retry-After}. Logged as one line.
     */
    private Response databaseUnavailable(Exception e, Face face, UriInfo uri, String path) {
        LOG.warnf("Database unavailable on %s: %s", path, DatabaseUnavailable.describe(e));
        if (face.isCpanel()) {
            return cpanelFailure(face, uri, DatabaseUnavailable.MESSAGE);
        }
        return Response.fromResponse(Problem.response(503, "Service Unavailable", DatabaseUnavailable.MESSAGE, path))
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
    }

    /** A failed call in a cPanel face's own envelope: HTTP 200, as cpsrvd answers. */
    private Response cpanelFailure(Face face, UriInfo uri, String message) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        String module = orEmpty(query.getFirst("cpanel_jsonapi_module"));
        String function = orEmpty(query.getFirst("cpanel_jsonapi_func"));
        Object body = switch (face) {
            case API2 -> "3".equals(query.getFirst("cpanel_jsonapi_apiversion"))
                    ? Api2Result.api3(module, function, UapiResult.failure(message))
                    : Api2Result.failure(module, function, message);
            case WHM1 -> WhmResource.isApi0(query.getFirst("api.version")) ? Whm0Result.error(message)
                    : WhmResult.failure(lastSegment(Face.pathOf(uri)), message);
            default -> UapiResult.failure(message).toMap();
        };
        return WireResponses.ok(json, body);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
