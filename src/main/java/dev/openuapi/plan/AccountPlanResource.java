package dev.openuapi.plan;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which plan an account is on. */
@Path("/api/v1/accounts/{username}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: plans", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class AccountPlanResource {

    @RegisterForReflection
    public record PlanChoice(String plan) {
    }

    private final PlanService plans;

    AccountPlanResource(PlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Operation(summary = "Put an account on a plan ({\"plan\":null} for none: no limits)")
    public PlanChoice assign(@PathParam("username") String username, PlanChoice request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body {\"plan\": name or null} is required.");
        }
        plans.assign(username, request.plan());
        return request;
    }
}
