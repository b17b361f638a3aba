package dev.openuapi.face.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.openuapi.auth.CredentialFilter;
import dev.openuapi.common.ApiException;
import dev.openuapi.face.Face;
import dev.openuapi.face.Reply;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The errors of our REST API ({@code /api/...}) in the OpenAPI document, as they go on the wire: every 4xx and 5xx
 * answer of an operation is {@code application/problem+json} ({@link Problem}), with an example built by the same
 * code that builds the real answers. A resource declares the errors it gives ({@code @APIResponse(responseCode = "404",
 * description = …)}, the description reads as the answer's {@code detail}); this filter adds those every operation of
 * the face may give: 401 (no or wrong credentials), 429 (cPHulk; on REST also a token's rate limit), 403 on the operator's API (root's password unset,
 * or a login from a denied address) and, with a body, 400 (a body that is not JSON).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ProblemOpenApiFilter implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;
    static final String NOT_JSON = "The request body is not valid JSON, or a value has the wrong type.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, schema());
        for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
            Face face = Face.of(item.getKey());
            if (face != Face.REST && face != Face.WHM_REST && face != Face.ADMIN) {
                continue;
            }
            for (Operation operation : item.getValue().getOperations().values()) {
                document(face, item.getKey(), operation);
            }
        }
    }

    private static void document(Face face, String path, Operation operation) {
        String instance = instance(path, operation);
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, Problem.reply(400, ApiException.Kind.INVALID.title, NOT_JSON, instance),
                    "The request body is not valid JSON, or a value breaks a rule.");
        }
        addIfMissing(responses, face.unauthorized(instance), "No credentials, or wrong ones"
                + switch (face) {
                    case ADMIN -> " (HTTP Basic as root with OPENUAPI_ROOT_PASSWORD).";
                    case WHM_REST -> " (a WHM API token, or HTTP Basic as root or as a reseller).";
                    default -> " (a cPanel API token or the account's password).";
                });
        if (face == Face.ADMIN) {
            addIfMissing(responses, face.forbidden(instance, CredentialFilter.ADMIN_DISABLED),
                    "The operator API is disabled (OPENUAPI_ROOT_PASSWORD is not set), or logins from this address are denied.");
        }
        addIfMissing(responses, face.tooManyAttempts(instance, 300), "Too many failed logins: cPHulk blocks the address or the user "
                + "for a while (Retry-After, in seconds)." + (face == Face.REST ? " Or the API token used up its rate_limit_per_minute, "
                        + "with the detail The API token “NAME” is limited to N calls a minute. (Retry-After: seconds until its next call)." : ""));
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            int status = status(response.getKey());
            if (status >= 400 && response.getValue().getContent() == null) {
                String detail = response.getValue().getDescription();
                asProblem(response.getValue(), Problem.reply(status, title(status), detail, instance));
            }
        }
    }

    private static void addIfMissing(APIResponses responses, Reply reply, String description) {
        String code = String.valueOf(reply.status());
        if (responses.hasAPIResponse(code)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description);
        asProblem(response, reply);
        if (reply.headers().containsKey("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds until the next attempt may succeed.")
                    .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER))));
        }
        responses.addAPIResponse(code, response);
    }

    private static void asProblem(APIResponse response, Reply reply) {
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)).example(reply.body())));
    }

    /** The example's {@code instance}: the path with each path parameter's example in place. */
    private static String instance(String path, Operation operation) {
        String instance = path;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.PATH && parameter.getExample() != null) {
                    instance = instance.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
                }
            }
        }
        return instance;
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0; // "default"
        }
    }

    private static String title(int status) {
        for (ApiException.Kind kind : ApiException.Kind.values()) {
            if (kind.httpStatus == status) {
                return kind.title;
            }
        }
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** RFC 9457's members, as {@link Problem} writes them. */
    private static Schema schema() {
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("An error of our REST API (RFC 9457, application/problem+json).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().type(List.of(SchemaType.STRING)).description("Always about:blank: the "
                        + "status says what kind of error it is.").examples(List.of("about:blank")))
                .addProperty("title", OASFactory.createSchema().type(List.of(SchemaType.STRING)).description("The status's short name.")
                        .examples(List.of("Not found")))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).description("The HTTP status.")
                        .examples(List.of(404)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .description("What went wrong, for a person to read.").examples(List.of("The API token “ci-deploy” does not exist.")))
                .addProperty("instance", OASFactory.createSchema().type(List.of(SchemaType.STRING)).description("The request's path.")
                        .examples(List.of("/api/v1/tokens/ci-deploy")));
    }
}
