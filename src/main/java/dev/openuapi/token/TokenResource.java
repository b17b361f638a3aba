package dev.openuapi.token;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import dev.openuapi.auth.Caller;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Our own REST face for an account's API tokens, on the same {@link TokenService} as UAPI
 * {@code Tokens::*}. Authenticated with the account password (Basic) or one of its tokens.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "The account's API tokens (our REST API)")
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class TokenResource {

    @RegisterForReflection
    public record NewToken(String name, @JsonProperty("expires_at") Long expiresAt) {
    }

    @RegisterForReflection
    public record Rename(@JsonProperty("new_name") String newName) {
    }

    @RegisterForReflection
    public record TokenView(String name, @JsonProperty("create_time") long createTime,
            @JsonProperty("expires_at") Long expiresAt, @JsonProperty("has_full_access") int hasFullAccess,
            @JsonProperty("whitelist_ips") List<String> whitelistIps, @JsonProperty("last_used_at") Long lastUsedAt,
            @JsonProperty("last_used_ip") String lastUsedIp) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.name, token.createTime, token.expiresAt, 1, token.whitelistIps,
                    token.lastUsedAt, token.lastUsedIp);
        }
    }

    /** The only response that ever carries a token value. */
    @RegisterForReflection
    public record CreatedTokenView(String name, String token, @JsonProperty("create_time") long createTime,
            @JsonProperty("expires_at") Long expiresAt) {
    }

    private final TokenService tokens;
    private final Caller caller;

    TokenResource(TokenService tokens, Caller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the account's tokens (never their values)")
    public List<TokenView> list() {
        return tokens.list(caller.principal().accountId()).stream().map(TokenView::of).toList();
    }

    @POST
    @Operation(summary = "Create a token; the value is in this response only")
    @APIResponse(responseCode = "201", description = "Created; the token value is shown once")
    public Response create(NewToken request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with a name is required.");
        }
        TokenService.CreatedToken created = tokens.create(caller.principal().accountId(), request.name(), request.expiresAt());
        ApiToken token = created.token();
        return Response.created(URI.create("/api/v1/tokens/" + token.name))
                .entity(new CreatedTokenView(token.name, created.value(), token.createTime, token.expiresAt))
                .header("Cache-Control", "no-store")
                .build();
    }

    @PATCH
    @Path("/{name}")
    @Operation(summary = "Rename a token; its value keeps working")
    public TokenView rename(@PathParam("name") String name, Rename request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with new_name is required.");
        }
        if (request.newName() == null || request.newName().isEmpty()) {
            throw ApiException.invalid("The “new_name” argument cannot be empty.");
        }
        return TokenView.of(tokens.rename(caller.principal().accountId(), name, request.newName()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("name") String name) {
        if (!tokens.revoke(caller.principal().accountId(), name)) {
            throw ApiException.notFound("The API token " + Quote.of(name) + " does not exist.");
        }
    }
}
