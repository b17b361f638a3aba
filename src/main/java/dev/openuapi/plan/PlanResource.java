package dev.openuapi.plan;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The operator's plans (cPanel "packages"). */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Plans", description = "The operator's plans (cPanel's packages), which account is on which, and its usage (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class PlanResource {

    /** A plan as JSON; absent or null limits are unlimited. */
    @RegisterForReflection
    public record PlanView(
            @Schema(description = "The plan's name: 1 to 64 letters, digits, spaces, dots, dashes or underscores (ignored by PUT: the path "
                    + "names the plan).", example = "Starter") String name,
            @Schema(description = "At most this many mailboxes; null or left out: unlimited.", example = "10", nullable = true)
            @JsonProperty("max_email_accounts") Integer maxEmailAccounts,
            @Schema(description = "At most this many MySQL databases; null or left out: unlimited.", example = "2", nullable = true)
            @JsonProperty("max_databases") Integer maxDatabases,
            @Schema(description = "At most this many FTP accounts; null or left out: unlimited.", example = "2", nullable = true)
            @JsonProperty("max_ftp_accounts") Integer maxFtpAccounts,
            @Schema(description = "At most this many subdomains; null or left out: unlimited.", example = "5", nullable = true)
            @JsonProperty("max_subdomains") Integer maxSubdomains,
            @Schema(description = "At most this many addon domains; null or left out: unlimited.", example = "1", nullable = true)
            @JsonProperty("max_addon_domains") Integer maxAddonDomains,
            @Schema(description = "At most this many parked domains (aliases); null or left out: unlimited.", example = "2", nullable = true)
            @JsonProperty("max_parked_domains") Integer maxParkedDomains,
            @Schema(description = "The disk quota in MB; null or left out: unlimited.", example = "2048", nullable = true)
            @JsonProperty("disk_quota_mb") Long diskQuotaMb,
            @Schema(description = "The monthly bandwidth in MB; null or left out: unlimited.", example = "20480", nullable = true)
            @JsonProperty("bandwidth_mb") Long bandwidthMb,
            @Schema(description = "The features the plan's accounts have (cPanel's feature names); null: every feature.",
                    example = "[\"apitokens\",\"email\",\"mysql\"]", nullable = true) List<String> features) {

        static PlanView of(Plan p) {
            return new PlanView(p.name, p.maxEmailAccounts, p.maxDatabases, p.maxFtpAccounts, p.maxSubdomains, p.maxAddonDomains,
                    p.maxParkedDomains, p.diskQuotaMb, p.bandwidthMb,
                    p.features);
        }

        PlanService.Limits limits() {
            return new PlanService.Limits(maxEmailAccounts, maxDatabases, maxFtpAccounts, maxSubdomains, maxAddonDomains,
                    maxParkedDomains, diskQuotaMb, bandwidthMb, features);
        }
    }

    private final PlanService plans;

    PlanResource(PlanService plans) {
        this.plans = plans;
    }

    static final String PLAN_EXAMPLE = "{\"name\":\"Starter\",\"max_email_accounts\":10,\"max_databases\":2,\"max_ftp_accounts\":2,\"max_subdomains\":5,\"max_addon_domains\":1,\"max_parked_domains\":2,\"disk_quota_mb\":2048,\"bandwidth_mb\":20480,\"features\":[\"apitokens\",\"email\",\"mysql\"]}";

    @GET
    @Operation(operationId = "admin_plans_list", summary = "List plans")
    @APIResponse(responseCode = "200", description = "Every plan", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PlanView.class),
            examples = @ExampleObject(name = "plans", value = "[" + PLAN_EXAMPLE + "]")))
    public List<PlanView> list() {
        return plans.list().stream().map(PlanView::of).toList();
    }

    @POST
    @Operation(operationId = "admin_plans_create", summary = "Create a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "created", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A plan name is 1 to 64 letters, digits, spaces, dots, dashes or underscores.")
    @APIResponse(responseCode = "409", description = "The plan “Starter” already exists.")
    public Response create(PlanView request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with the plan's name and limits is required.");
        }
        Plan plan = plans.create(request.name(), request.limits());
        return Response.created(URI.create("/api/v1/plans/" + plan.name.replace(" ", "%20"))).entity(PlanView.of(plan)).build();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "admin_plans_get", summary = "Show a plan")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The plan “Starter” does not exist.")
    public PlanView get(@Parameter(description = "The plan's name.", example = "Starter") @PathParam("name") String name) {
        return PlanView.of(plans.get(name));
    }

    @PUT
    @Path("/{name}")
    @Operation(operationId = "admin_plans_update", summary = "Replace a plan's limits")
    @APIResponse(responseCode = "200", description = "The plan, changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Limits are whole numbers of 0 or more; leave one out (or null) for unlimited.")
    @APIResponse(responseCode = "404", description = "The plan “Starter” does not exist.")
    public PlanView update(@Parameter(description = "The plan's name.", example = "Starter") @PathParam("name") String name, PlanView request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with the plan's limits is required.");
        }
        return PlanView.of(plans.update(name, request.limits()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "admin_plans_delete", summary = "Delete a plan no account uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The plan “Starter” does not exist.")
    @APIResponse(responseCode = "409", description = "The plan “Starter” is used by 3 account(s).")
    public void delete(@Parameter(description = "The plan's name.", example = "Starter") @PathParam("name") String name) {
        plans.delete(name);
    }
}
