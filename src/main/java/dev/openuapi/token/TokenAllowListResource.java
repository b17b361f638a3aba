package dev.openuapi.token;

import java.util.List;

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

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The operator limits a customer's API token to IP addresses (cPanel lets only WHM do this). */
@Path("/api/v1/accounts/{username}/tokens/{name}/whitelist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Accounts")
@SecurityRequirement(name = "basicAuth")
public class TokenAllowListResource {

    /** Addresses and CIDR ranges; empty or null: any address. */
    @RegisterForReflection
    public record AllowList(@Schema(description = "The addresses and CIDR ranges the token may be used from; empty or null: any address.",
            example = "[\"203.0.113.7\",\"198.51.100.0/24\"]", nullable = true) @JsonProperty("whitelist_ips") List<String> whitelistIps) {
    }

    private final AccountService accounts;
    private final TokenService tokens;

    TokenAllowListResource(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PUT
    @Operation(operationId = "admin_tokens_set_whitelist", summary = "Set a cPanel API token's IP allow-list (empty or null: any address)")
    @APIResponse(responseCode = "200", description = "The allow-list now in force", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllowList.class), examples = @ExampleObject(name = "allow-list",
                    value = "{\"whitelist_ips\":[\"203.0.113.7\",\"198.51.100.0/24\"]}")))
    @APIResponse(responseCode = "400", description = "“203.0.113.300” is not a valid IP address or CIDR range.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public AllowList set(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username,
            @Parameter(description = "The token's name.", example = "ci-deploy") @PathParam("name") String name, AllowList request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body {\"whitelist_ips\": [...]} is required.");
        }
        ApiToken token = tokens.setWhitelist(accounts.get(username).id, name, request.whitelistIps() == null ? List.of()
                : request.whitelistIps());
        return new AllowList(token.whitelistIps);
    }
}
