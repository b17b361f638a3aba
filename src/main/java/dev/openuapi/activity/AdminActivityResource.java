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
import dev.openuapi.activity.ActivityViews.FailurePage;

/** Everyone's activity and the failed logins against known accounts, for the operator (root's password, the ADMIN face). */
@Path("/api/v1/admin/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Activity", description = "Every account's activity and the failed logins against known accounts (root)")
@SecurityRequirement(name = "basicAuth")
public class AdminActivityResource {

    private final ActivityService activity;

    AdminActivityResource(ActivityService activity) {
        this.activity = activity;
    }

    @GET
    @Operation(operationId = "admin_activity_counts", summary = "Calls counted per account, credential, face, module, function, result "
            + "and minute (or day), newest first")
    @APIResponse(responseCode = "200", description = "A page of counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CountPage.class), examples = @ExampleObject(name = "counts",
                    value = ActivityResource.COUNTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "group must be minute or day, not “week”.")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public CountPage counts(@BeanParam AdminActivityQuery query) {
        return activity.counts(accountId(query), null, query.byDay(), query.range(), query.limit(), query.cursor);
    }

    @GET
    @Path("/auth-failures")
    @Operation(operationId = "admin_activity_auth_failures", summary = "Failed logins against known accounts, per address, reason "
            + "and minute (or day), newest first")
    @APIResponse(responseCode = "200", description = "A page of counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FailurePage.class), examples = @ExampleObject(name = "failures",
                    value = "{\"failures\":[{\"time\":1764615600,\"account\":\"alice\",\"address\":\"198.51.100.23\","
                            + "\"reason\":\"bad_password\",\"count\":3}],\"next_cursor\":null}")))
    @APIResponse(responseCode = "400", description = "limit must be from 1 to 500.")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public FailurePage failures(@BeanParam AdminActivityQuery query) {
        return activity.failures(accountId(query), query.byDay(), query.range(), query.limit(), query.cursor);
    }

    /** The account to show, by username (404 when there is none); null: every account. */
    private Long accountId(AdminActivityQuery query) {
        return query.account == null ? null : activity.accountId(query.account);
    }
}
