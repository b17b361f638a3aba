package dev.openuapi.face.uapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.Caller;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.RequestArgs;
import dev.openuapi.face.WireResponses;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;

import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /execute/<Module>/<function>}: UAPI over HTTP (spec §5-§6). Always HTTP 200 with the UAPI
 * envelope once authenticated; the function's outcome is in {@code status}.
 *
 * <p>The per-function operations in the OpenAPI document come from the {@link dev.openuapi.kernel.FunctionRegistry}; this
 * generic resource is hidden there.
 */
@Path("/execute/{module}/{function: .+}")
@Produces(MediaType.APPLICATION_JSON)
public class ExecuteResource {

    private final Dispatcher dispatcher;
    private final Caller caller;
    private final ObjectMapper json;
    private final int maxParameters;

    ExecuteResource(Dispatcher dispatcher, Caller caller, ObjectMapper json, OpenUapiConfig config) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.json = json;
        this.maxParameters = config.input().maxParameters();
    }

    @GET
    @Operation(hidden = true)
    @ResponseHeader(name = "Cache-Control", value = WireResponses.CACHE_CONTROL)
    @ResponseHeader(name = "Pragma", value = WireResponses.PRAGMA)
    public byte[] get(@PathParam("module") String module, @PathParam("function") String function, @Context HttpServerRequest request) {
        return run(module, function, RequestArgs.query(request.query(), maxParameters));
    }

    /** Every POST but multipart: JSON when the Content-Type is JSON, otherwise the form parser (as cPanel). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @ResponseHeader(name = "Cache-Control", value = WireResponses.CACHE_CONTROL)
    @ResponseHeader(name = "Pragma", value = WireResponses.PRAGMA)
    public byte[] post(@PathParam("module") String module, @PathParam("function") String function, @Context HttpServerRequest request,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        try {
            return run(module, function, RequestArgs.post(request.query(), contentType, body, json, maxParameters));
        } catch (RequestArgs.UnreadableJson e) {
            return respond(UapiResult.failure(e.nestedKey == null ? "parsejson(): Invalid JSON data."
                    : module + "::" + function + " does not expect nested data structures."));
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @ResponseHeader(name = "Cache-Control", value = WireResponses.CACHE_CONTROL)
    @ResponseHeader(name = "Pragma", value = WireResponses.PRAGMA)
    public byte[] postMultipart(@PathParam("module") String module, @PathParam("function") String function,
            @Context HttpServerRequest request, MultipartFormDataInput input) {
        return run(module, function, RequestArgs.multipart(request.query(), input, maxParameters));
    }

    private byte[] run(String module, String function, Args args) {
        return respond(UapiResult.of(dispatcher.run(ApiKind.UAPI, caller.principal(), module, function, args), args));
    }

    private byte[] respond(UapiResult result) {
        return WireResponses.body(json, result.toMap());
    }
}
