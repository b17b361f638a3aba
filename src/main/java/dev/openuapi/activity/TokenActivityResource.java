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
import dev.openuapi.kernel.Principal;
import dev.openuapi.token.TokenResource;

/** One token's recent calls (issue 20 §1), on our REST face, for the token's own account. */
@Path("/api/v1/tokens/{name}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "REST Activity", description = ActivityResource.TAG)
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class TokenActivityResource {

    private final ActivityService activity;
    private final Caller caller;

    TokenActivityResource(ActivityService activity, Caller caller) {
        this.activity = activity;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "rest_token_activity", summary = "A token's recent calls, newest first")
    @APIResponse(responseCode = "200", description = "A page of the token's recent calls", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class), examples = @ExampleObject(
                    name = "events", value = "{\"events\":[{\"time\":1764615600,\"address\":\"203.0.113.7\",\"face\":\"uapi\","
                            + "\"module\":\"Tokens\",\"function\":\"list\",\"result\":\"ok\"}],\"next_cursor\":\"WzQyXQ\"}")))
    @APIResponse(responseCode = "400", description = "limit must be from 1 to 500.")
    @APIResponse(responseCode = "403", description = "You do not have the feature “apitokens”.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public EventPage tokenEvents(@Parameter(description = "The token's name.", example = "ci-deploy") @PathParam("name") String name,
            @BeanParam ActivityQuery.Events query) {
        Principal principal = TokenResource.checkScope(caller.principal(), false, "GET /api/v1/tokens/{name}/activity");
        return activity.tokenEvents(principal.accountId(), name, query.range(), query.limit(), query.cursor);
    }
}
