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

/** The operator adds and removes an account's addon, parked and sub domains. */
@Path("/api/v1/accounts/{username}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Accounts")
@SecurityRequirement(name = "basicAuth")
public class DomainResource {

    @RegisterForReflection
    public record NewDomain(
            @Schema(description = "The domain to add; for a subdomain, its label (shop) or its whole name.", example = "shop",
                    required = true) String domain,
            @Schema(description = "addon_domain, parked_domain or sub_domain.", example = "sub_domain", required = true,
                    enumeration = { "addon_domain", "parked_domain", "sub_domain" }) String type,
            @Schema(description = "For a subdomain: the account's domain it is under.", example = "alice.example")
            @JsonProperty("rootdomain") String rootDomain) {
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

    static final String DOMAIN_EXAMPLE = "{\"domain\":\"shop.alice.example\",\"type\":\"sub_domain\",\"parent\":\"alice.example\",\"documentroot\":\"/home/alice/public_html/shop\",\"created_at\":1764612000}";

    @GET
    @Operation(operationId = "admin_domains_list", summary = "List an account's domains")
    @APIResponse(responseCode = "200", description = "The account's domains", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DomainView.class), examples = @ExampleObject(name = "domains",
                    value = "[{\"domain\":\"alice.example\",\"type\":\"main_domain\",\"parent\":null,"
                            + "\"documentroot\":\"/home/alice/public_html\",\"created_at\":1764612000}," + DOMAIN_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public List<DomainView> list(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username) {
        return domains.list(username).stream().map(DomainView::of).toList();
    }

    @POST
    @Operation(operationId = "admin_domains_add", summary = "Add an addon, parked or sub domain; addon and parked domains get their own DNS zone")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DomainView.class), examples = @ExampleObject(name = "added", value = DOMAIN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The domain type must be addon_domain, parked_domain or sub_domain.")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    @APIResponse(responseCode = "409", description = "The domain “shop.alice.example” already exists on this server.")
    public Response add(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username, NewDomain request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with domain and type (addon_domain, parked_domain or sub_domain) is required.");
        }
        AccountDomain domain = domains.add(username, request.type(), request.domain(), request.rootDomain());
        return Response.created(URI.create("/api/v1/accounts/" + username + "/domains/" + domain.name))
                .entity(DomainView.of(domain)).build();
    }

    @DELETE
    @Path("/{domain}")
    @Operation(operationId = "admin_domains_remove", summary = "Remove a domain, with its DNS zone")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "The main domain cannot be removed; remove the account instead.")
    @APIResponse(responseCode = "404", description = "The account “alice” has no domain “shop.alice.example”.")
    public void remove(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username,
            @Parameter(description = "The domain to remove (its whole name).", example = "shop.alice.example") @PathParam("domain") String domain) {
        domains.remove(username, domain);
    }
}
