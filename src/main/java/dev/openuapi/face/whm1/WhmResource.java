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
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.Caller;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.RequestArgs;
import dev.openuapi.face.WireResponses;
import dev.openuapi.face.whm0.Whm0Result;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.kernel.Outcome;

import io.vertx.core.http.HttpServerRequest;

/**
 * WHM's API, {@code /json-api/<function>} (spec §10.1): the operator's face, for root and resellers with a WHM token
 * or password. {@code api.version} picks the API (issue 15 §1): none, empty or {@code 0} is WHM API 0, as on cPanel;
 * any other value is WHM API 1 (cPanel's clients send {@code api.version=2} to WHM API 1 functions and read WHM
 * API 1's answer: src/docs/whm-api-0.md). Both run the same declared functions through
 * {@link Dispatcher#runWhm}, so auth, cPHulk and each function's ACL are the same; they differ only in argument
 * names and answer shape: WHM API 1's {@link WhmResult}, WHM API 0's {@link Whm0Result} as the function's
 * {@link Api0} declaration says. The function is the path segment without its path parameters: the OpenAPI document's
 * WHM API 0 paths ({@code /json-api/passwd;api=0}) answer as {@code /json-api/passwd}. {@code /json-api/cpanel} is API 2
 * and answers elsewhere.
 */
@Path("/json-api/{function}")
public class WhmResource {

    private final Dispatcher dispatcher;
    private final FunctionRegistry registry;
    private final Caller caller;
    private final ObjectMapper json;
    private final int maxParameters;

    WhmResource(Dispatcher dispatcher, FunctionRegistry registry, Caller caller, ObjectMapper json, OpenUapiConfig config) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.caller = caller;
        this.json = json;
        this.maxParameters = config.input().maxParameters();
    }

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("function") PathSegment function, @Context HttpServerRequest request) {
        return run(function.getPath(), RequestArgs.query(request.query(), maxParameters));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response post(@PathParam("function") PathSegment segment, @Context HttpServerRequest request,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        String function = segment.getPath();
        try {
            return run(function, RequestArgs.post(request.query(), contentType, body, json, maxParameters, true));
        } catch (RequestArgs.UnreadableJson e) {
            String reason = "The request body is not a JSON object.";
            return WireResponses.ok(json, isApi0(RequestArgs.query(request.query(), maxParameters).get("api.version"))
                    ? Whm0Result.error(reason) : WhmResult.failure(function, reason));
        }
    }

    /** Multipart fields, as on the other cPanel faces (a multipart body was read as a form before). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response postMultipart(@PathParam("function") PathSegment function, @Context HttpServerRequest request,
            MultipartFormDataInput input) {
        return run(function.getPath(), RequestArgs.multipart(request.query(), input, maxParameters));
    }

    private Response run(String function, Args args) {
        if (isApi0(args.get("api.version"))) {
            return WireResponses.ok(json, runApi0(function, args.without(key -> key.startsWith("api."))));
        }
        Outcome outcome = dispatcher.runWhm(caller.whmUser().orElseThrow(), function, args.without(key -> key.startsWith("api.")));
        return WireResponses.ok(json, WhmResult.of(function, outcome, args));
    }

    /** The function's API 0 form, if it has one: API 0's argument names read as the function's, its answer in API 0's shape. */
    private Object runApi0(String function, Args args) {
        Api0 api0 = registry.module(ApiModule.WHM).map(m -> m.functions(ApiKind.WHM1).get(function)).map(ApiFunction::api0).orElse(null);
        if (api0 == null) {
            return Whm0Result.unknownApp(function);
        }
        Args functionArgs = api0.toFunctionArgs(args);
        return Whm0Result.of(api0, dispatcher.runWhm(caller.whmUser().orElseThrow(), function, functionArgs), functionArgs);
    }

    /**
     * Whether {@code api.version} asks for WHM API 0: absent, empty or 0 (cPanel: "If you do not include the API
     * version, the call will default to WHM API 0"). Any other value is WHM API 1.
     */
    public static boolean isApi0(String apiVersion) {
        return apiVersion == null || apiVersion.isBlank() || apiVersion.strip().equals("0");
    }
}
