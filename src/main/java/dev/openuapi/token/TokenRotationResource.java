package dev.openuapi.token;

import java.util.Iterator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.auth.Caller;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.TokenScope;
import dev.openuapi.token.TokenRotationService.Rotated;
import dev.openuapi.token.TokenRotationService.RotationRights;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Rotating one of the account's cPanel API tokens (issue 19 §3): {@code POST /api/v1/tokens/{name}/rotate}, with an
 * optional {@code {"grace_seconds": N}}. The answer is the only place the new value is ever shown.
 */
@Path("/api/v1/tokens/{name}/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "REST Tokens")
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class TokenRotationResource {

    /** The request body (documentation; the body is read field by field so that a wrong value is refused, never coerced). */
    @RegisterForReflection
    public record RotationRequest(@Schema(description = "How long the old value keeps working, in seconds: a whole number from 0 "
            + "(it stops at once, the default) to 86400 (a day). It works up to and including the second previous_valid_until, on "
            + "every replica, and never after.", example = "300", minimum = "0", maximum = "86400", defaultValue = "0")
    @JsonProperty("grace_seconds") Integer graceSeconds) {
    }

    /** The only response that carries the new value. */
    @RegisterForReflection
    public record RotatedTokenView(
            @Schema(description = "The token's name, unchanged.", example = "ci-deploy") String name,
            @Schema(description = "The new value: 32 characters, A-Z and 0-9. It is shown in this answer only; store it now.",
                    example = "Q0ZL8WZ4C7J1N2SKXH5V9MDTRB3PEGYA") String token,
            @Schema(description = "When the token expires, in seconds since the Unix epoch; null: never. Rotation does not change it.",
                    example = "1798761599", nullable = true) @JsonProperty("expires_at") Long expiresAt,
            @Schema(description = "The last second (Unix epoch, inclusive) at which the old value still works; null: it stopped at "
                    + "once (grace_seconds 0). Never later than expires_at.", example = "1764612300", nullable = true)
            @JsonProperty("previous_valid_until") Long previousValidUntil) {

        public static RotatedTokenView of(Rotated rotated) {
            return new RotatedTokenView(rotated.name(), rotated.value(), rotated.expiresAt(), rotated.previousValidUntil());
        }
    }

    /** What the cPanel and the WHM rotation ({@code operator.WhmTokenRotationResource}) say alike in their documents. */
    public static final String REQUEST_EXAMPLE = "{\"grace_seconds\":300}";
    public static final String REQUEST_DESCRIPTION = "Optional; without a body the grace period is 0.";
    public static final String ROTATED = "Rotated; the new value is shown once (Cache-Control: no-store)";
    static final String ROTATED_EXAMPLE = "{\"name\":\"ci-deploy\",\"token\":\"Q0ZL8WZ4C7J1N2SKXH5V9MDTRB3PEGYA\","
            + "\"expires_at\":1798761599,\"previous_valid_until\":1764612300}";
    static final String BAD_GRACE = TokenRotationService.BAD_GRACE;

    private final TokenRotationService rotation;
    private final Caller caller;

    TokenRotationResource(TokenRotationService rotation, Caller caller) {
        this.rotation = rotation;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "rest_tokens_rotate", summary = "Rotate a token: a new value now, the old one for a grace period",
            description = "Gives the token a new value (shown in this answer only) and keeps its name, expiry, allow-list and rights. "
                    + "The old value keeps working until previous_valid_until (now + grace_seconds), on every replica, and not a "
                    + "second longer; with grace_seconds 0 (the default) it stops at once. A token has one previous value at a "
                    + "time: rotating again during a grace period ends the older value at once.")
    @RequestBody(required = false, description = REQUEST_DESCRIPTION, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationRequest.class),
            examples = @ExampleObject(name = "five minutes", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = ROTATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedTokenView.class),
                    examples = @ExampleObject(name = "rotated", value = ROTATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = BAD_GRACE)
    @APIResponse(responseCode = "403", description = "You may not rotate the API token “ci-deploy”.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public Response rotate(@Parameter(description = "The token's name.", example = "ci-deploy") @PathParam("name") String name,
            JsonNode body) {
        Principal principal = TokenResource.checkScope(caller.principal(), true, "POST /api/v1/tokens/{name}/rotate");
        return answer(rotation.rotateApiToken(principal.accountId(), name, graceOf(body), rights(caller)));
    }

    /** The answer to a rotation, cPanel's or WHM's: the new value, never to be stored by a cache. */
    public static Response answer(Rotated rotated) {
        return Response.ok(RotatedTokenView.of(rotated)).header("Cache-Control", "no-store").build();
    }

    /**
     * Who may rotate which of the account's tokens (issue 19 §1, no escalation): the account's password and its
     * unrestricted tokens manage all of its tokens, as cPanel's Tokens functions do (spec §3.7); a limited or read-only
     * token only those whose rights are within its own ({@link #mayManage}); a token may always rotate itself (rotation
     * never changes a token's rights). A read-only token rotates nothing: the endpoint changes data.
     */
    static RotationRights rights(Caller caller) {
        String self = caller.tokenHash().orElse(null);
        Principal principal = caller.principal();
        return token -> TokenRotationService.isSelf(token, self) || mayManage(principal, token);
    }

    /** Whether the caller may manage (rotate) {@code token}: see {@link #rights}. */
    static boolean mayManage(Principal caller, TokenRecord token) {
        return token instanceof ApiToken api && TokenScope.covers(caller.scope(), api.scope());
    }

    /**
     * The grace period in a rotation's body: absent (no body, {@code {}}, or {@code null}) is 0; a whole number from 0 to
     * 86400 is taken; any other value, or another field, is a 400. Strings, fractions and booleans are refused, not
     * coerced.
     */
    public static long graceOf(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return 0;
        }
        if (!body.isObject()) {
            throw ApiException.invalid("The body must be a JSON object such as {\"grace_seconds\": 300}.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!field.equals("grace_seconds")) {
                throw ApiException.invalid("Unknown field " + Quote.of(field) + ": a rotation takes only “grace_seconds”.");
            }
        }
        JsonNode grace = body.get("grace_seconds");
        if (grace == null || grace.isNull()) {
            return 0;
        }
        if (!grace.isIntegralNumber() || !grace.canConvertToLong()) {
            throw ApiException.invalid(BAD_GRACE);
        }
        return TokenRotationService.checkGrace(grace.longValue());
    }
}
