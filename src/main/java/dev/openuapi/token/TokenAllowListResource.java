package dev.openuapi.token;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
@Tag(name = "Admin: accounts", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class TokenAllowListResource {

    /** Addresses and CIDR ranges; empty or null: any address. */
    @RegisterForReflection
    public record AllowList(@JsonProperty("whitelist_ips") List<String> whitelistIps) {
    }

    private final AccountService accounts;
    private final TokenService tokens;

    TokenAllowListResource(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PUT
    @Operation(summary = "Set a cPanel API token's IP allow-list (empty or null: any address)")
    public AllowList set(@PathParam("username") String username, @PathParam("name") String name, AllowList request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body {\"whitelist_ips\": [...]} is required.");
        }
        ApiToken token = tokens.setWhitelist(accounts.get(username).id, name, request.whitelistIps() == null ? List.of()
                : request.whitelistIps());
        return new AllowList(token.whitelistIps);
    }
}
