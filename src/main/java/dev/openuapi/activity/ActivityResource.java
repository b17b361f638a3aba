package dev.openuapi.activity;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openuapi.activity.ActivityViews.CountPage;
import dev.openuapi.auth.Caller;
import dev.openuapi.kernel.Principal;
import dev.openuapi.token.TokenResource;

/**
 * The account's own activity (issue 20 §1) on our REST face: its counts, and one token's recent calls. A token limited
 * to features needs {@code apitokens} here, as on {@code /api/v1/tokens}; a read-only token may read.
 */
@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "REST Activity", description = ActivityResource.TAG)
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class ActivityResource {

    static final String TAG = "What the account's tokens, password and sessions did: counts per minute or day, and each token's "
            + "recent calls (never an argument or a secret)";
    static final String FROM = "Only what happened at or after this time (Unix epoch seconds; a count's minute or day by its start). "
            + "Left out: from the oldest kept.";
    static final String TO = "Only what happened before this time (Unix epoch seconds, exclusive). Left out: up to now.";
    static final String LIMIT = "The most rows on a page, 1 to 500. Left out: 100.";
    static final String CURSOR = "The next_cursor of the previous page. Left out: the first page.";
    static final String TOKEN = "Only the calls of the account's cPanel API token of this name (its history under earlier names too). "
            + "Left out: every token's, the password's and the sessions'.";
    static final String GROUP = "minute: one row per minute; day: the minutes summed per day (UTC). Left out: minute.";
    static final String COUNTS_EXAMPLE = "{\"counts\":[{\"time\":1764615600,\"account\":\"alice\",\"credential\":\"cpanel_token\","
            + "\"token\":\"ci-deploy\",\"face\":\"uapi\",\"module\":\"Tokens\",\"function\":\"list\",\"result\":\"ok\",\"count\":12}],"
            + "\"next_cursor\":null}";

    private final ActivityService activity;
    private final Caller caller;

    ActivityResource(ActivityService activity, Caller caller) {
        this.activity = activity;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "rest_activity_counts", summary = "The account's calls, counted per credential, face, module, function, "
            + "result and minute (or day), newest first")
    @APIResponse(responseCode = "200", description = "A page of counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CountPage.class), examples = @ExampleObject(name = "counts", value = COUNTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit must be from 1 to 500.")
    @APIResponse(responseCode = "403", description = "You do not have the feature “apitokens”.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public CountPage counts(@BeanParam ActivityQuery.OwnCounts query) {
        Principal principal = TokenResource.checkScope(caller.principal(), false, "GET /api/v1/activity");
        return activity.counts(principal.accountId(), query.token, query.byDay(), query.range(), query.limit(), query.cursor);
    }
}
