package dev.openuapi.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.face.api2.Api2Result;
import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.face.whm0.Whm0Result;
import dev.openuapi.face.whm1.WhmResult;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.kernel.Outcome;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.kernel.WhmUser;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Adds one operation per registered UAPI function ({@code GET} and {@code POST
 * /execute/<Module>/<function>}) to the OpenAPI document, with its parameters, summary and result
 * schema, straight from the {@link FunctionRegistry}. Also declares the two ways to authenticate, so
 * Swagger UI's "Try it out" works with a token or a password.
 *
 * <p>It runs when the document is built ({@code RUNTIME_PER_REQUEST}), not at start-up: {@link OpenApiDocumentCache}
 * builds the document at its first request and keeps it, so the service does not start later by the time it takes
 * to build and serialise it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class RegistryOpenApiFilter implements OASFilter {

    public static final String TOKEN_SCHEME = "cpanelToken";
    public static final String BASIC_SCHEME = "basicAuth";
    public static final String WHM_TOKEN_SCHEME = "whmToken";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        FunctionRegistry registry = CDI.current().select(FunctionRegistry.class).get();
        declareSecuritySchemes(openAPI);
        for (FunctionRegistry.Module module : registry.modules()) {
            declareTags(openAPI, module);
            for (ApiFunction function : module.functions(ApiKind.UAPI).values()) {
                String path = "/execute/" + module.name() + "/" + function.name();
                openAPI.getPaths().addPathItem(path, OASFactory.createPathItem()
                        .GET(operation(module, function, false))
                        .POST(operation(module, function, true)));
            }
            for (ApiFunction function : module.functions(ApiKind.WHM1).values()) {
                String group = module.group(function);
                openAPI.getPaths().addPathItem("/json-api/" + function.name(), OASFactory.createPathItem().GET(whmOperation(function, group)));
                if (function.api0() != null) {
                    openAPI.getPaths().addPathItem(whm0Path(function.name()), OASFactory.createPathItem().GET(whm0Operation(function, group)));
                }
            }
            for (ApiFunction function : module.functions(ApiKind.API2).values()) {
                openAPI.getPaths().addPathItem(api2Path(module.name(), function.name()),
                        OASFactory.createPathItem().GET(api2Operation(module, function)));
            }
        }
    }

    /** Each tag of the registry's operations, one per face and module, declared with what it holds. */
    private static void declareTags(OpenAPI openAPI, FunctionRegistry.Module module) {
        if (!module.functions(ApiKind.UAPI).isEmpty()) {
            addTag(openAPI, uapiTag(module), "cPanel UAPI's " + module.name() + " module: GET or POST /execute/" + module.name() + "/<function>.");
        }
        if (!module.functions(ApiKind.API2).isEmpty()) {
            addTag(openAPI, api2Tag(module), "cPanel API 2's " + module.name() + " module: /json-api/cpanel with cpanel_jsonapi_module="
                    + module.name() + ".");
        }
        for (ApiFunction function : module.functions(ApiKind.WHM1).values()) {
            String group = module.group(function);
            addTag(openAPI, WHM1_TAG + " " + group, "WHM API 1, " + group + ": /json-api/<function>?api.version=1, as root, a reseller "
                    + "or with a WHM token.");
            if (function.api0() != null) {
                addTag(openAPI, WHM0_TAG + " " + group, "WHM API 0, " + group + ": the same functions called without api.version, "
                        + "in their older answer shapes.");
            }
        }
    }

    private static void addTag(OpenAPI openAPI, String name, String description) {
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> name.equals(t.getName()))) {
            openAPI.addTag(OASFactory.createTag().name(name).description(description));
        }
    }

    static final String WHM1_TAG = "WHM API 1";
    static final String WHM0_TAG = "WHM API 0";

    private static String uapiTag(FunctionRegistry.Module module) {
        return "UAPI " + module.name();
    }

    private static String api2Tag(FunctionRegistry.Module module) {
        return "API 2 " + module.name();
    }

    private static void declareSecuritySchemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                .description("A cPanel API token. Enter the whole header value: cpanel USERNAME:TOKEN"));
        components.addSecurityScheme(BASIC_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The account's username and password (or root and OPENUAPI_ROOT_PASSWORD on the admin API and WHM API 1; "
                        + "a reseller's account password on WHM API 1)."));
        components.addSecurityScheme(WHM_TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                .description("A WHM API token. Enter the whole header value: whm USERNAME:TOKEN"));
    }

    private static Operation operation(FunctionRegistry.Module module, ApiFunction function, boolean post) {
        Operation operation = OASFactory.createOperation()
                .operationId(module.name() + "_" + function.name() + (post ? "_post" : ""))
                .summary(function.summary())
                .description(describe(module, function))
                .addExtension(CHANGES_STATE_EXTENSION, function.changesState())
                .tags(List.of(uapiTag(module)))
                .security(List.of(requirement(TOKEN_SCHEME), requirement(BASIC_SCHEME)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The UAPI result. HTTP 200 whether the function succeeded (status 1) or not (status 0).")
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        example(OASFactory.createMediaType().schema(envelope(function.result())), function,
                                                data -> UapiResult.of(data, Args.empty()).toMap()))))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Missing or invalid credentials."))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("The API token used up its "
                                + "rate_limit_per_minute (set with our REST API; not a cPanel answer): the UAPI envelope with status 0 and "
                                + "The API token “NAME” is limited to N calls a minute., and Retry-After in seconds.")));
        if (post) {
            Schema form = OASFactory.createSchema().type(List.of(SchemaType.OBJECT));
            List<String> required = new ArrayList<>();
            for (Param param : function.params()) {
                // The body's fields say what the query parameters of the GET form say.
                form.addProperty(param.name(), paramSchema(param).description(param.description()));
                if (param.isRequired()) {
                    required.add(param.name());
                }
            }
            if (!required.isEmpty()) {
                form.required(required);
            }
            operation.requestBody(OASFactory.createRequestBody()
                    .content(OASFactory.createContent()
                            .addMediaType("application/x-www-form-urlencoded", OASFactory.createMediaType().schema(form))
                            .addMediaType("application/json", OASFactory.createMediaType().schema(form))));
        } else {
            List<Parameter> parameters = new ArrayList<>();
            for (Param param : function.params()) {
                parameters.add(OASFactory.createParameter().name(param.name()).in(Parameter.In.QUERY)
                        .required(param.isRequired()).description(param.description()).schema(paramSchema(param)));
            }
            operation.parameters(parameters);
        }
        return operation;
    }

    /**
     * One OpenAPI path per API 2 function although they all share {@code /json-api/cpanel}: the module and
     * function ride in path parameters ({@code ;module=…;func=…}), which do not change the resource that
     * answers, and the real control keys are pre-filled query parameters.
     */
    public static String api2Path(String module, String function) {
        return "/json-api/cpanel;module=" + module + ";func=" + function;
    }

    private static Operation api2Operation(FunctionRegistry.Module module, ApiFunction function) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(control("cpanel_jsonapi_module", module.name(), "The module (case-sensitive)."));
        parameters.add(control("cpanel_jsonapi_func", function.name(), "The function (case-sensitive)."));
        parameters.add(control("cpanel_jsonapi_apiversion", "2", "2 for cPanel API 2 (the default)."));
        for (Param param : function.params()) {
            parameters.add(OASFactory.createParameter().name(param.name()).in(Parameter.In.QUERY)
                    .required(param.isRequired()).description(param.description()).schema(paramSchema(param)));
        }
        Schema result = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("apiversion", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))
                .addProperty("module", OASFactory.createSchema().type(List.of(SchemaType.STRING)))
                .addProperty("func", OASFactory.createSchema().type(List.of(SchemaType.STRING)))
                .addProperty("event", OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                        .description("result 1 when the function ran; 0 with a reason when it was refused."))
                .addProperty("error", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .description("Present only when the function reported an error."))
                .addProperty("data", schema(function.result()));
        return OASFactory.createOperation()
                .operationId("api2_" + module.name() + "_" + function.name())
                .summary(function.summary())
                .description(describe(module, function) + "\n\nAPI 2 also takes api2_filter, api2_sort, api2_paginate and "
                        + "api2_columns arguments.")
                .addExtension(CHANGES_STATE_EXTENSION, function.changesState())
                .tags(List.of(api2Tag(module)))
                .security(List.of(requirement(TOKEN_SCHEME), requirement(BASIC_SCHEME)))
                .parameters(parameters)
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The API 2 result, in cpanelresult.")
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        example(OASFactory.createMediaType().schema(OASFactory.createSchema()
                                                .type(List.of(SchemaType.OBJECT)).addProperty("cpanelresult", result)), function,
                                                data -> Api2Result.of(module.name(), function.name(), data, Args.empty())))))
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("Missing or invalid credentials.")));
    }

    private static Operation whmOperation(ApiFunction function, String group) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(control("api.version", "1", "WHM API version: always 1."));
        for (Param param : function.params()) {
            parameters.add(OASFactory.createParameter().name(param.name()).in(Parameter.In.QUERY)
                    .required(param.isRequired()).description(param.description()).schema(paramSchema(param)));
        }
        Schema metadata = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("command", OASFactory.createSchema().type(List.of(SchemaType.STRING)))
                .addProperty("version", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))
                .addProperty("result", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).description("1 or 0."))
                .addProperty("reason", OASFactory.createSchema().type(List.of(SchemaType.STRING)).description("OK, or why not."));
        return OASFactory.createOperation()
                .operationId("whm_" + function.name())
                .summary(function.summary())
                .description((function.description().isEmpty() ? "" : function.description() + "\n\n") + "Needs the WHM privilege (ACL): "
                        + (WhmUser.ANY.equals(function.acl()) ? "none, any WHM user may call it." : "`" + function.acl() + "`."))
                .tags(List.of(WHM1_TAG + " " + group))
                .security(List.of(requirement(WHM_TOKEN_SCHEME), requirement(BASIC_SCHEME)))
                .parameters(parameters)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The WHM API 1 result; data is left out when the function returns nothing.")
                        .content(OASFactory.createContent().addMediaType("application/json", example(OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).addProperty("metadata", metadata)
                                        .addProperty("data", schema(function.result()))), function,
                                data -> WhmResult.of(function.name(), data, Args.empty()))))));
    }

    /**
     * One OpenAPI path per WHM API 0 function although it shares {@code /json-api/<function>} with WHM API 1: as for
     * API 2 ({@link #api2Path}), a path parameter ({@code ;api=0}) that does not change the resource that answers.
     * Without {@code api.version} the call is WHM API 0.
     */
    public static String whm0Path(String function) {
        return "/json-api/" + function + ";api=0";
    }

    /** The same function as WHM API 0: API 0's argument names, API 0's answer, its own operationId. */
    private static Operation whm0Operation(ApiFunction function, String group) {
        Api0 api0 = function.api0();
        List<Parameter> parameters = new ArrayList<>();
        for (Param param : function.params()) {
            parameters.add(OASFactory.createParameter().name(api0.api0Name(param.name())).in(Parameter.In.QUERY)
                    .required(param.isRequired()).description(param.description()).schema(paramSchema(param)));
        }
        Schema answer = OASFactory.createSchema().type(List.of(SchemaType.OBJECT));
        Schema status = OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).description("1 or 0.");
        Schema statusmsg = OASFactory.createSchema().type(List.of(SchemaType.STRING)).description("What happened, or why not.");
        switch (api0.answer()) {
            case DATA -> answer = schema(function.result()).description("The answer; {status: 0, statusmsg} when it failed.");
            case LIST, BY_NAME -> answer.addProperty(api0.key(), OASFactory.createSchema()
                    .type(List.of(api0.answer() == Api0.Answer.LIST ? SchemaType.ARRAY : SchemaType.OBJECT)))
                    .addProperty("status", status.description("Only when it failed: 0."))
                    .addProperty("statusmsg", statusmsg.description("Only when it failed: why."));
            case LIST_WITH_STATUS -> answer.addProperty(api0.key(), OASFactory.createSchema().type(List.of(SchemaType.ARRAY)))
                    .addProperty("status", status).addProperty("statusmsg", statusmsg);
            case STATUS -> answer.addProperty(api0.key(), OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                    .items(OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).addProperty("status", status)
                            .addProperty("statusmsg", statusmsg)));
        }
        return OASFactory.createOperation()
                .operationId("whm0_" + function.name())
                .summary(function.summary())
                .description((function.description().isEmpty() ? "" : function.description() + "\n\n")
                        + "WHM API 0: the same function as WHM API 1's " + function.name() + ", called without api.version. "
                        + "Needs the WHM privilege (ACL): " + (WhmUser.ANY.equals(function.acl()) ? "none." : "`" + function.acl() + "`."))
                .tags(List.of(WHM0_TAG + " " + group))
                .security(List.of(requirement(WHM_TOKEN_SCHEME), requirement(BASIC_SCHEME)))
                .parameters(parameters)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The WHM API 0 answer, in this function's own shape.")
                        .content(OASFactory.createContent().addMediaType("application/json", example(OASFactory.createMediaType()
                                .schema(answer), function, data -> Whm0Result.of(api0, data, Args.empty()))))));
    }

    /**
     * The function's example answer, if it declares one: its data in the face's envelope, built by the same code
     * that builds real answers, so the example cannot take a shape that the face never sends.
     */
    private static MediaType example(MediaType media, ApiFunction function, Function<Outcome, Object> envelope) {
        if (function.example() == null) {
            return media;
        }
        ObjectMapper json = CDI.current().select(ObjectMapper.class).get();
        Object declared = function.example().data();
        Object data;
        try {
            data = declared instanceof ApiFunction.JsonText text ? json.readValue(text.json(), Object.class)
                    : json.convertValue(declared, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(function.name() + ": its example is not JSON", e);
        }
        return media.example(envelope.apply(new Outcome(Outcome.Status.OK, data, List.of(), List.of(), List.of())));
    }

    private static Parameter control(String name, String value, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(true).description(description)
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).enumeration(List.of(value))
                        .defaultValue(value).examples(List.of(value)));
    }

    /**
     * The extension on each UAPI and API 2 operation that says whether the function changes state, as its declaration
     * ({@link ApiFunction#changesState()}) does: a read-only token may call only those where it is {@code false}.
     */
    public static final String CHANGES_STATE_EXTENSION = "x-openuapi-changes-state";
    static final String CHANGES_STATE = "Changes state: a read-only token may not call it.";
    static final String READS_ONLY = "Reads only: a read-only token may call it.";

    private static String describe(FunctionRegistry.Module module, ApiFunction function) {
        StringBuilder text = new StringBuilder(function.description());
        module.module().feature().ifPresent(f -> text.append("\n\nNeeds the account feature `").append(f).append("`."));
        if (function.feature() != null) {
            text.append("\n\nNeeds the account feature `").append(function.feature()).append("`.");
        }
        text.append("\n\n").append(function.changesState() ? CHANGES_STATE : READS_ONLY);
        if (function.params().stream().anyMatch(Param::isMultiple)) {
            text.append("\n\nRepeatable parameters may be sent as name, name-0, name-1, … or by repeating the key.");
        }
        return text.toString();
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static Schema paramSchema(Param param) {
        Schema schema = OASFactory.createSchema().type(List.of(SchemaType.valueOf(param.type().jsonType.toUpperCase())));
        if (param.type().format != null) {
            schema.format(param.type().format);
        }
        if (param.example() != null) {
            schema.examples(List.of(param.example()));
        }
        return schema;
    }

    /** The six-key UAPI envelope around a function's data schema. */
    private static Schema envelope(Shape data) {
        Schema strings = OASFactory.createSchema().type(List.of(SchemaType.ARRAY, SchemaType.NULL))
                .items(OASFactory.createSchema().type(List.of(SchemaType.STRING)));
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .required(List.of("status", "errors", "warnings", "messages", "metadata", "data"))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER))
                        .description("1 on success, 0 on failure.").enumeration(List.of(0, 1)))
                .addProperty("errors", strings.description("Error messages, or null."))
                .addProperty("warnings", copyOf(strings).description("Warnings, or null."))
                .addProperty("messages", copyOf(strings).description("Informational messages, or null."))
                .addProperty("metadata", OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                        .description("transformed: 1 whenever data is an array."))
                .addProperty("data", schema(data).description((data.description() == null ? "" : data.description())
                        + " Null when status is 0."));
    }

    private static Schema copyOf(Schema schema) {
        return OASFactory.createSchema().type(schema.getType()).items(schema.getItems());
    }

    static Schema schema(Shape shape) {
        Schema schema = OASFactory.createSchema();
        List<SchemaType> types = new ArrayList<>();
        if (shape.type() != null) {
            types.add(SchemaType.valueOf(shape.type().toUpperCase()));
        }
        if (shape.nullable()) {
            types.add(SchemaType.NULL);
        }
        if (!types.isEmpty()) { // no type at all: any JSON value
            schema.type(types);
        }
        if (shape.description() != null) {
            schema.description(shape.description());
        }
        if (shape.properties() != null) {
            for (Map.Entry<String, Shape> property : shape.properties().entrySet()) {
                schema.addProperty(property.getKey(), schema(property.getValue()));
            }
        }
        if (shape.items() != null) {
            schema.items(schema(shape.items()));
        }
        if (shape.additionalProperties() != null) {
            schema.additionalPropertiesSchema(schema(shape.additionalProperties()));
        }
        return schema;
    }
}
