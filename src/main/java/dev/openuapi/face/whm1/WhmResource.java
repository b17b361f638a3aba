package dev.openuapi.face.whm1;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.Caller;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.RequestArgs;
import dev.openuapi.face.WireResponses;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Outcome;

import io.vertx.core.http.HttpServerRequest;

/**
 * WHM API 1, {@code /json-api/<function>?api.version=1} (spec §10.1): the operator's face, for root and
 * resellers with a WHM token or password. The dispatcher checks each function's ACL; the reply is
 * {@link WhmResult}'s. {@code /json-api/cpanel} is API 2 and answers elsewhere.
 */
@Path("/json-api/{function}")
public class WhmResource {

    private final Dispatcher dispatcher;
    private final Caller caller;
    private final ObjectMapper json;
    private final int maxParameters;

    WhmResource(Dispatcher dispatcher, Caller caller, ObjectMapper json, OpenUapiConfig config) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.json = json;
        this.maxParameters = config.input().maxParameters();
    }

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("function") String function, @Context HttpServerRequest request) {
        return run(function, RequestArgs.query(request.query(), maxParameters));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response post(@PathParam("function") String function, @Context HttpServerRequest request,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        try {
            return run(function, RequestArgs.post(request.query(), contentType, body, json, maxParameters, true));
        } catch (RequestArgs.UnreadableJson e) {
            return WireResponses.ok(json, WhmResult.failure(function, "The request body is not a JSON object."));
        }
    }

    /** Multipart fields, as on the other cPanel faces (a multipart body was read as a form before). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response postMultipart(@PathParam("function") String function, @Context HttpServerRequest request,
            MultipartFormDataInput input) {
        return run(function, RequestArgs.multipart(request.query(), input, maxParameters));
    }

    private Response run(String function, Args args) {
        if (!"1".equals(args.get("api.version"))) {
            return WireResponses.ok(json, WhmResult.failure(function, "OpenUAPI speaks WHM API 1 only: add api.version=1 to the request."));
        }
        Outcome outcome = dispatcher.runWhm(caller.whmUser().orElseThrow(), function, args.without(key -> key.startsWith("api.")));
        return WireResponses.ok(json, WhmResult.of(function, outcome, args));
    }
}
