package dev.openuapi.domain;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The operator adds and removes an account's addon, parked and sub domains. */
@Path("/api/v1/accounts/{username}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: accounts", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class DomainResource {

    @RegisterForReflection
    public record NewDomain(String domain, String type, @JsonProperty("rootdomain") String rootDomain) {
    }

    @RegisterForReflection
    public record DomainView(String domain, String type, String parent, @JsonProperty("documentroot") String documentRoot,
            @JsonProperty("created_at") long createdAt) {

        static DomainView of(AccountDomain domain) {
            return new DomainView(domain.name, domain.type, domain.parent, domain.documentRoot, domain.createdAt);
        }
    }

    private final DomainService domains;

    DomainResource(DomainService domains) {
        this.domains = domains;
    }

    @GET
    @Operation(summary = "List an account's domains")
    public List<DomainView> list(@PathParam("username") String username) {
        return domains.list(username).stream().map(DomainView::of).toList();
    }

    @POST
    @Operation(summary = "Add an addon, parked or sub domain; addon and parked domains get their own DNS zone")
    @APIResponse(responseCode = "201", description = "Added")
    public Response add(@PathParam("username") String username, NewDomain request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with domain and type (addon_domain, parked_domain or sub_domain) is required.");
        }
        AccountDomain domain = domains.add(username, request.type(), request.domain(), request.rootDomain());
        return Response.created(URI.create("/api/v1/accounts/" + username + "/domains/" + domain.name))
                .entity(DomainView.of(domain)).build();
    }

    @DELETE
    @Path("/{domain}")
    @Operation(summary = "Remove a domain, with its DNS zone")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("username") String username, @PathParam("domain") String domain) {
        domains.remove(username, domain);
    }
}
