package dev.openuapi.face.api2;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.Caller;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.face.Credential;
import dev.openuapi.face.Face;
import dev.openuapi.face.RequestArgs;
import dev.openuapi.face.WireResponses;
import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Outcome;
import dev.openuapi.kernel.Principal;
import dev.openuapi.operator.AccountAccess;

import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /json-api/cpanel} (spec §8): cPanel API 2 by default, UAPI with
 * {@code cpanel_jsonapi_apiversion=3}. API 1 is refused for tokens (403) and not implemented otherwise.
 * A trailing slash and a trailing {@code &} both work. A WHM user (WHM token, or root's or a reseller's
 * password) acts here as one of its accounts, named by {@code cpanel_jsonapi_user}.
 */
@Path("/json-api/cpanel{slash: /?}")
public class JsonApiResource {

    static final String MODULE = "cpanel_jsonapi_module";
    static final String FUNC = "cpanel_jsonapi_func";
    static final String VERSION = "cpanel_jsonapi_apiversion";
    static final String USER = "cpanel_jsonapi_user";

    private final Dispatcher dispatcher;
    private final Caller caller;
    private final AccountAccess access;
    private final ObjectMapper json;
    private final int maxParameters;

    JsonApiResource(Dispatcher dispatcher, Caller caller, AccountAccess access, ObjectMapper json, OpenUapiConfig config) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.access = access;
        this.json = json;
        this.maxParameters = config.input().maxParameters();
    }

    @GET
    @Operation(hidden = true)
    public Response get(@Context HttpServerRequest request) {
        return run(RequestArgs.query(request.query(), maxParameters));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response post(@Context HttpServerRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Args args;
        try {
            args = RequestArgs.post(request.query(), contentType, body, json, maxParameters);
        } catch (RequestArgs.UnreadableJson e) {
            Args query = RequestArgs.query(request.query(), maxParameters); // only to name the module and function in the reply
            String module = query.getOrDefault(MODULE, "");
            String function = query.getOrDefault(FUNC, "");
            return WireResponses.ok(json, Api2Result.failure(module, function, e.nestedKey == null
                    ? "parsejson(): Invalid JSON data."
                    : "API2: Cpanel::" + module + "::" + function + " does not support complex data requests."));
        }
        return run(args);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response postMultipart(@Context HttpServerRequest request, MultipartFormDataInput input) {
        return run(RequestArgs.multipart(request.query(), input, maxParameters));
    }

    private Response run(Args request) {
        String module = request.getOrDefault(MODULE, "");
        String function = request.getOrDefault(FUNC, "");
        String version = request.getOrDefault(VERSION, "2");
        String user = request.get(USER);
        Args args = request.without(key -> key.startsWith("cpanel_jsonapi_"));
        Principal account = caller.principalIfAny().orElse(null);
        if (account == null || (user != null && !user.equals(account.username()))) {
            if (caller.whmUser().isEmpty()) {
                return Face.accessDenied("Access denied: " + Quote.of(user) + " is not the authenticated account.").response();
            }
            // A WHM user acting as one of its accounts (WHM's cpanel function, spec §10.2).
            try {
                account = access.actingAs(caller.whmUser().get(), user);
            } catch (ApiException e) {
                return WireResponses.ok(json, Api2Result.failure(module, function, e.getMessage()));
            }
        }
        switch (version) {
            case "1" -> {
                if (caller.credential() == Credential.CPANEL_TOKEN || caller.credential() == Credential.WHM_TOKEN) {
                    return Face.API2.forbidden("/json-api/cpanel", Face.TOKEN_PATHS_ONLY).response();
                }
                return WireResponses.ok(json, api1Unsupported(module, function));
            }
            case "3" -> {
                UapiResult result = UapiResult.of(dispatcher.run(ApiKind.UAPI, account, module, function, args), args);
                return WireResponses.ok(json, Api2Result.api3(module, function, result));
            }
            default -> {
                Outcome outcome = dispatcher.run(ApiKind.API2, account, module, function, args);
                return WireResponses.ok(json, Api2Result.of(module, function, outcome, args));
            }
        }
    }

    /** API 1's bare event shape (spec §8.4); OpenUAPI runs no API 1 functions. */
    private static Map<String, Object> api1Unsupported(String module, String function) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("result", 0);
        event.put("reason", "cPanel API 1 is not supported by this server; use API 2 or UAPI.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiversion", "1");
        body.put("type", "event");
        body.put("module", module);
        body.put("func", function);
        body.put("data", Map.of("result", ""));
        body.put("event", event);
        return body;
    }
}
