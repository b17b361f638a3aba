package dev.openuapi.api;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.AccountAuthenticated;
import dev.openuapi.auth.Caller;

/**
 * {@code /execute/<Module>/<function>}: UAPI over HTTP (spec §5-§6). Accepts GET, form POST (query string
 * merged with the body), multipart, an empty POST and a flat JSON object. Always HTTP 200 with the UAPI
 * envelope once authenticated; the function's outcome is in {@code status}.
 *
 * <p>The per-function operations in the OpenAPI document come from the {@link FunctionRegistry}; this
 * generic resource is hidden there.
 */
@Path("/execute/{module}/{function: .+}")
@AccountAuthenticated
public class ExecuteResource {

    private final Dispatcher dispatcher;
    private final Caller caller;
    private final ObjectMapper json;

    ExecuteResource(Dispatcher dispatcher, Caller caller, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("module") String module, @PathParam("function") String function, @Context UriInfo uri) {
        return run(module, function, Args.fromPairs(FormEncoding.parse(uri.getRequestUri().getRawQuery())));
    }

    /**
     * Every POST but multipart: a JSON object when the Content-Type is JSON; otherwise (urlencoded, none
     * at all, anything else) the body goes through the form parser, as cPanel does.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response post(@PathParam("module") String module, @PathParam("function") String function, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        if (isJson(contentType)) {
            return postJson(module, function, body);
        }
        List<Map.Entry<String, String>> pairs = FormEncoding.parse(uri.getRequestUri().getRawQuery());
        pairs.addAll(FormEncoding.parse(body));
        return run(module, function, Args.fromPairs(pairs));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response postMultipart(@PathParam("module") String module, @PathParam("function") String function,
            @Context UriInfo uri, MultipartFormDataInput input) {
        List<Map.Entry<String, String>> pairs = FormEncoding.parse(uri.getRequestUri().getRawQuery());
        for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
            for (FormValue value : field.getValue()) {
                if (!value.isFileItem()) {
                    pairs.add(Map.entry(field.getKey(), value.getValue()));
                }
            }
        }
        return run(module, function, Args.fromPairs(pairs));
    }

    /** A JSON object body: only the body is read, not the query string, and values must be flat (spec §5.1). */
    private Response postJson(String module, String function, String body) {
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            return respond(UapiResult.failure("parsejson(): Invalid JSON data."));
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                return respond(UapiResult.failure(module + "::" + function + " does not expect nested data structures."));
            }
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), scalar(value)));
        }
        return run(module, function, Args.fromPairs(pairs));
    }

    /** cPanel compares the whole header with application/json; we also accept a charset parameter. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }

    private static String scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        return value.asText();
    }

    private Response run(String module, String function, Args args) {
        return respond(dispatcher.execute(caller.account(), module, function, args));
    }

    private Response respond(UapiResult result) {
        return UapiResponses.ok(json, result.toMap());
    }
}
