package dev.openuapi.plan;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
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

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which plan an account is on. */
@Path("/api/v1/accounts/{username}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Plans")
@SecurityRequirement(name = "basicAuth")
public class AccountPlanResource {

    @RegisterForReflection
    public record PlanChoice(@Schema(description = "The plan's name; null: no plan, no limits.", example = "Starter", nullable = true,
            required = true) String plan) {
    }

    private final PlanService plans;

    AccountPlanResource(PlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Operation(operationId = "admin_accounts_set_plan", summary = "Put an account on a plan ({\"plan\":null} for none: no limits)")
    @APIResponse(responseCode = "200", description = "The account's plan now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanChoice.class), examples = @ExampleObject(name = "plan", value = "{\"plan\":\"Starter\"}")))
    @APIResponse(responseCode = "404", description = "The plan “Starter” does not exist.")
    public PlanChoice assign(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username, PlanChoice request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body {\"plan\": name or null} is required.");
        }
        plans.assign(username, request.plan());
        return request;
    }
}
