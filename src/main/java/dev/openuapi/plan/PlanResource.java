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
@Tag(name = "Admin: plans", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class PlanResource {

    /** A plan as JSON; absent or null limits are unlimited. */
    @RegisterForReflection
    public record PlanView(String name, @JsonProperty("max_email_accounts") Integer maxEmailAccounts,
            @JsonProperty("max_databases") Integer maxDatabases, @JsonProperty("max_ftp_accounts") Integer maxFtpAccounts,
            @JsonProperty("max_subdomains") Integer maxSubdomains, @JsonProperty("max_addon_domains") Integer maxAddonDomains,
            @JsonProperty("max_parked_domains") Integer maxParkedDomains, @JsonProperty("disk_quota_mb") Long diskQuotaMb,
            @JsonProperty("bandwidth_mb") Long bandwidthMb, List<String> features) {

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

    @GET
    @Operation(summary = "List plans")
    public List<PlanView> list() {
        return plans.list().stream().map(PlanView::of).toList();
    }

    @POST
    @Operation(summary = "Create a plan")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(PlanView request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with the plan's name and limits is required.");
        }
        Plan plan = plans.create(request.name(), request.limits());
        return Response.created(URI.create("/api/v1/plans/" + plan.name.replace(" ", "%20"))).entity(PlanView.of(plan)).build();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Show a plan")
    public PlanView get(@PathParam("name") String name) {
        return PlanView.of(plans.get(name));
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Replace a plan's limits")
    public PlanView update(@PathParam("name") String name, PlanView request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with the plan's limits is required.");
        }
        return PlanView.of(plans.update(name, request.limits()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a plan no account uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("name") String name) {
        plans.delete(name);
    }
}
