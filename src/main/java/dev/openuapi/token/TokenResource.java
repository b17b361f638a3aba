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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
@Tag(name = "REST Tokens", description = "The account's API tokens (our REST API, on the same service as UAPI Tokens)")
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class TokenResource {

    @RegisterForReflection
    public record NewToken(
            @Schema(description = "The token's name: 1 to 50 letters, digits, hyphens (-) and underscores (_), unique in the account.",
                    example = "ci-deploy", required = true) String name,
            @Schema(description = "When the token expires, in seconds since the Unix epoch; null or left out: never.",
                    example = "1798761599", nullable = true) @JsonProperty("expires_at") Long expiresAt) {
    }

    @RegisterForReflection
    public record Rename(@Schema(description = "The token's new name, under the same rules as a new token's.", example = "deploy-prod",
            required = true) @JsonProperty("new_name") String newName) {
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

    static final String TOKEN_EXAMPLE = "{\"name\":\"ci-deploy\",\"create_time\":1764612000,\"expires_at\":1798761599,"
            + "\"has_full_access\":1,\"whitelist_ips\":null,\"last_used_at\":1764615600,\"last_used_ip\":\"203.0.113.7\"}";

    @GET
    @Operation(operationId = "rest_tokens_list", summary = "List the account's tokens (never their values)")
    @APIResponse(responseCode = "200", description = "The tokens, expired ones included", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class), examples = @ExampleObject(name = "tokens",
                    value = "[" + TOKEN_EXAMPLE + ",{\"name\":\"backup_job\",\"create_time\":1764612060,\"expires_at\":null,"
                            + "\"has_full_access\":1,\"whitelist_ips\":null,\"last_used_at\":null,\"last_used_ip\":null}]")))
    public List<TokenView> list() {
        return tokens.list(caller.principal().accountId()).stream().map(TokenView::of).toList();
    }

    @POST
    @Operation(operationId = "rest_tokens_create", summary = "Create a token; the value is in this response only")
    @APIResponse(responseCode = "201", description = "Created; the token value is shown once", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedTokenView.class), examples = @ExampleObject(
                    name = "created", value = "{\"name\":\"ci-deploy\",\"token\":\"LY6NY53MGGDUQPXDX7DMFUV4LCGD31SX\","
                            + "\"create_time\":1764612000,\"expires_at\":1798761599}")))
    @APIResponse(responseCode = "400", description = "The name is empty, too long or has characters other than letters, digits, - and _.")
    @APIResponse(responseCode = "409", description = "A conflicting API token with the name “ci-deploy” already exists.")
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
    @Operation(operationId = "rest_tokens_rename", summary = "Rename a token; its value keeps working")
    @APIResponse(responseCode = "200", description = "Renamed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenView.class), examples = @ExampleObject(name = "renamed",
                    value = "{\"name\":\"deploy-prod\",\"create_time\":1764612000,\"expires_at\":1798761599,\"has_full_access\":1,"
                            + "\"whitelist_ips\":null,\"last_used_at\":1764615600,\"last_used_ip\":\"203.0.113.7\"}")))
    @APIResponse(responseCode = "400", description = "The “new_name” argument cannot be empty.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    @APIResponse(responseCode = "409", description = "A conflicting API token with the name “deploy-prod” already exists.")
    public TokenView rename(@Parameter(description = "The token's current name.", example = "ci-deploy") @PathParam("name") String name,
            Rename request) {
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
    @Operation(operationId = "rest_tokens_revoke", summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "Revoked; programs that use it are refused at once")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public void revoke(@Parameter(description = "The token's name.", example = "ci-deploy") @PathParam("name") String name) {
        if (!tokens.revoke(caller.principal().accountId(), name)) {
            throw ApiException.notFound("The API token " + Quote.of(name) + " does not exist.");
        }
    }
}
