package dev.openuapi.operator;

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

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.auth.Caller;
import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.token.TokenRotationResource;
import dev.openuapi.token.TokenRotationResource.RotatedTokenView;
import dev.openuapi.token.TokenRotationResource.RotationRequest;
import dev.openuapi.token.TokenRotationService;
import dev.openuapi.token.TokenRotationService.RotationRights;

/**
 * Rotating one of the caller's WHM API tokens (issue 19 §3): {@code POST /api/v1/whm/tokens/{name}/rotate}, the same
 * body and answer as a cPanel token's rotation, as root (root's tokens) or as a reseller (its own tokens), with a WHM
 * token or HTTP Basic.
 */
@Path("/api/v1/whm/tokens/{name}/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "REST WHM Tokens", description = "A WHM user's own WHM API tokens (our REST API; root's or a reseller's, with a WHM token "
        + "or HTTP Basic)")
@SecurityRequirement(name = "whmToken")
@SecurityRequirement(name = "basicAuth")
public class WhmTokenRotationResource {

    static final String ROTATED_EXAMPLE = "{\"name\":\"billing\",\"token\":\"Q0ZL8WZ4C7J1N2SKXH5V9MDTRB3PEGYA\","
            + "\"expires_at\":null,\"previous_valid_until\":1764612300}";
    static final String NO_RIGHT = "You may not rotate the API token “billing”.";

    private final WhmTokenRotationService rotation;
    private final Caller caller;

    WhmTokenRotationResource(WhmTokenRotationService rotation, Caller caller) {
        this.rotation = rotation;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "rest_whm_tokens_rotate", summary = "Rotate one of your WHM API tokens: a new value now, the old one for a grace period",
            description = "Root rotates root's tokens, a reseller its own (another user's token name is “does not exist”). The token "
                    + "gets a new value (shown in this answer only) and keeps its name, expiry, ACLs and allow-list. The old value "
                    + "keeps working until previous_valid_until (now + grace_seconds), on every replica, and not a second longer; "
                    + "with grace_seconds 0 (the default) it stops at once. One previous value at a time. A WHM user needs the "
                    + "manage-api-tokens privilege, as for api_token_update; a token may always rotate itself.")
    @RequestBody(required = false, description = TokenRotationResource.REQUEST_DESCRIPTION, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationRequest.class),
            examples = @ExampleObject(name = "five minutes", value = TokenRotationResource.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = TokenRotationResource.ROTATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedTokenView.class),
                    examples = @ExampleObject(name = "rotated", value = ROTATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = TokenRotationService.BAD_GRACE)
    @APIResponse(responseCode = "403", description = NO_RIGHT)
    @APIResponse(responseCode = "404", description = "The API token “billing” does not exist.")
    public Response rotate(@Parameter(description = "The name of one of your WHM API tokens.", example = "billing") @PathParam("name") String name,
            JsonNode body) {
        WhmUser user = caller.whmUser().orElseThrow(() -> ApiException.forbidden("Only root and resellers rotate WHM API tokens."));
        long grace = TokenRotationResource.graceOf(body);
        return TokenRotationResource.answer(rotation.rotate(user, name, grace, rights(user)));
    }

    /**
     * Who may rotate which of the caller's WHM tokens (the hook for limits, issue 19 §1): a WHM user manages its tokens with
     * the {@code manage-api-tokens} privilege, as in WHM API 1's {@code api_token_*}; a token narrowed to ACLs without it
     * may still rotate itself. Rotation never changes a token's ACLs.
     */
    private RotationRights rights(WhmUser user) {
        String self = caller.tokenHash().orElse(null);
        return token -> TokenRotationService.isSelf(token, self) || user.has(Acl.MANAGE_API_TOKENS);
    }
}
