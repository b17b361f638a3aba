package dev.openuapi.activity;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openuapi.activity.ActivityViews.EventPage;
import dev.openuapi.auth.Caller;
import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.Acl;

/**
 * One of a WHM user's own WHM API tokens' recent calls (issue 20 §1), on our REST face for WHM users: root reads root's
 * tokens, a reseller its own; another user's token name is a 404, like a name the user does not have. Reading needs the
 * {@code manage-api-tokens} privilege, as listing the tokens does (WHM API 1's {@code api_token_list}); a WHM token
 * narrowed to ACLs without it is refused, even about itself.
 */
@Path("/api/v1/whm/tokens/{name}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "REST WHM Tokens")
@SecurityRequirement(name = "whmToken")
@SecurityRequirement(name = "basicAuth")
public class WhmTokenActivityResource {

    static final String NO_PRIVILEGE = "Reading a WHM API token's activity needs the “" + Acl.MANAGE_API_TOKENS
            + "” privilege, as listing the tokens does.";

    private final ActivityService activity;
    private final Caller caller;

    WhmTokenActivityResource(ActivityService activity, Caller caller) {
        this.activity = activity;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "rest_whm_token_activity", summary = "One of your WHM API tokens' recent calls, newest first",
            description = "Root reads root's tokens, a reseller its own (another user's token name is “does not exist”). Every call "
                    + "the token made, on WHM API 1 and acting as an account through /json-api/cpanel. Needs the "
                    + "manage-api-tokens privilege, as api_token_list does.")
    @APIResponse(responseCode = "200", description = "A page of the token's recent calls", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class), examples = @ExampleObject(
                    name = "events", value = "{\"events\":[{\"time\":1764615600,\"address\":\"203.0.113.7\",\"face\":\"whm1\","
                            + "\"module\":\"WHM\",\"function\":\"listaccts\",\"result\":\"ok\"}],\"next_cursor\":\"WzQyXQ\"}")))
    @APIResponse(responseCode = "400", description = "limit must be from 1 to 500.")
    @APIResponse(responseCode = "403", description = NO_PRIVILEGE)
    @APIResponse(responseCode = "404", description = "The API token “billing” does not exist.")
    public EventPage tokenEvents(@Parameter(description = "The name of one of your WHM API tokens.", example = "billing")
    @PathParam("name") String name, @BeanParam ActivityQuery.Events query) {
        WhmUser user = caller.whmUser().orElseThrow(() -> ApiException.forbidden(NO_PRIVILEGE));
        if (!user.has(Acl.MANAGE_API_TOKENS)) {
            throw ApiException.forbidden(NO_PRIVILEGE);
        }
        return activity.whmTokenEvents(user.username(), name, query.range(), query.limit(), query.cursor);
    }
}
