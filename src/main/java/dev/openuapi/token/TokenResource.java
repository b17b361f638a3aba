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
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.TokenScope;
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

    static final String FEATURES_DESCRIPTION = "The features the token is limited to, by cPanel's feature names (each one the "
            + "account has): it may call only functions whose features are all in this list, and no function that needs no feature. "
            + "Left out, null or []: no feature limit.";
    static final String READ_ONLY_DESCRIPTION = "true: the token may call only functions that change nothing, and on this API "
            + "only GET. Left out: false.";
    static final String ALLOW_LIST_DESCRIPTION = "The IP addresses and CIDR ranges (IPv4 or IPv6, at most 100) the token may be "
            + "used from, normalised as cPanel does (sorted, de-duplicated, /32 and /128 written as a bare address). Left out, null "
            + "or []: any address.";
    static final String RATE_LIMIT_DESCRIPTION = "The most calls a minute the token may make, on every API it can call (UAPI, API 2, "
            + "this API): 1 to 100000. Past it a call is refused with 429 and Retry-After. Left out or null: no limit. Enforced by each "
            + "replica on its own (see the scale-out tolerance in security.md).";

    @RegisterForReflection
    public record NewToken(
            @Schema(description = "The token's name: 1 to 50 letters, digits, hyphens (-) and underscores (_), unique in the account.",
                    example = "ci-deploy", required = true) String name,
            @Schema(description = "When the token expires, in seconds since the Unix epoch; null or left out: never.",
                    example = "1798761599", nullable = true) @JsonProperty("expires_at") Long expiresAt,
            @Schema(description = FEATURES_DESCRIPTION, example = "[\"zoneedit\"]", nullable = true) List<String> features,
            @Schema(description = READ_ONLY_DESCRIPTION, example = "false", nullable = true) @JsonProperty("read_only") Boolean readOnly,
            @Schema(description = ALLOW_LIST_DESCRIPTION, example = "[\"203.0.113.0/24\"]", nullable = true)
            @JsonProperty("whitelist_ips") List<String> whitelistIps,
            @Schema(description = RATE_LIMIT_DESCRIPTION, example = "600", nullable = true, minimum = "1", maximum = "100000")
            @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute) {
    }

    @RegisterForReflection
    public record TokenChange(
            @Schema(description = "The token's new name, under the same rules as a new token's. Left out: unchanged.", example = "deploy-prod",
                    nullable = true) @JsonProperty("new_name") String newName,
            @Schema(description = "The features the token is limited to from now on; [] lifts the limit (with read_only false the "
                    + "token is unrestricted again). Left out or null: unchanged.", example = "[\"zoneedit\",\"sslinstall\"]", nullable = true)
            List<String> features,
            @Schema(description = "true: read-only from now on; false: no longer read-only. Left out or null: unchanged.", example = "true",
                    nullable = true) @JsonProperty("read_only") Boolean readOnly,
            @Schema(description = "The new IP allow-list (as on create); [] lifts it. Left out or null: unchanged.",
                    example = "[\"203.0.113.7\",\"2001:db8::/32\"]", nullable = true) @JsonProperty("whitelist_ips") List<String> whitelistIps,
            @Schema(description = "When the token expires from now on (Unix epoch, in the future); 0: never. Left out or null: unchanged.",
                    example = "1830297599", nullable = true) @JsonProperty("expires_at") Long expiresAt,
            @Schema(description = "The most calls a minute from now on (1 to 100000); 0 removes the limit. Left out or null: unchanged.",
                    example = "120", nullable = true, minimum = "0", maximum = "100000")
            @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute) {
    }

    @RegisterForReflection
    public record TokenView(@Schema(description = "The token's name.", example = "ci-deploy") String name,
            @Schema(description = "When it was created (Unix epoch).", example = "1764612000") @JsonProperty("create_time") long createTime,
            @Schema(description = "When it expires (Unix epoch); null: never.", example = "1798761599", nullable = true)
            @JsonProperty("expires_at") Long expiresAt,
            @Schema(description = "1: unrestricted, it may use every feature of the account; 0: limited to features or read-only.",
                    example = "0") @JsonProperty("has_full_access") int hasFullAccess,
            @Schema(description = "[] for an unrestricted token; otherwise the features it may use, sorted (every feature of the "
                    + "account when it is only read-only).", example = "[\"zoneedit\"]") List<String> features,
            @Schema(description = "1: read-only, it may call only functions that change nothing; 0: not.", example = "1")
            @JsonProperty("read_only") int readOnly,
            @Schema(description = "The addresses and ranges it may be used from; null: any.", example = "[\"203.0.113.0/24\"]",
                    nullable = true) @JsonProperty("whitelist_ips") List<String> whitelistIps,
            @Schema(description = "When it was last used (Unix epoch, to the second's batch); null: never.", example = "1764615600",
                    nullable = true) @JsonProperty("last_used_at") Long lastUsedAt,
            @Schema(description = "The address it was last used from; null: never.", example = "203.0.113.7", nullable = true)
            @JsonProperty("last_used_ip") String lastUsedIp,
            @Schema(description = "The most calls a minute it may make; null: no limit.", example = "600", nullable = true)
            @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute) {

        static TokenView of(ApiToken token, Principal account) {
            boolean full = token.scope() == null;
            return new TokenView(token.name, token.createTime, token.expiresAt, full ? 1 : 0,
                    full ? List.of() : List.copyOf(TokenService.effectiveFeatures(token, account)), token.readOnly ? 1 : 0, token.whitelistIps,
                    token.lastUsedAt, token.lastUsedIp, token.rateLimitPerMinute);
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
            + "\"has_full_access\":0,\"features\":[\"zoneedit\"],\"read_only\":0,\"whitelist_ips\":[\"203.0.113.0/24\"],"
            + "\"last_used_at\":1764615600,\"last_used_ip\":\"203.0.113.7\",\"rate_limit_per_minute\":600}";

    @GET
    @Operation(operationId = "rest_tokens_list", summary = "List the account's tokens (never their values)")
    @APIResponse(responseCode = "200", description = "The tokens, expired ones included", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class), examples = @ExampleObject(name = "tokens",
                    value = "[" + TOKEN_EXAMPLE + ",{\"name\":\"backup_job\",\"create_time\":1764612060,\"expires_at\":null,"
                            + "\"has_full_access\":1,\"features\":[],\"read_only\":0,\"whitelist_ips\":null,\"last_used_at\":null,"
                            + "\"last_used_ip\":null,\"rate_limit_per_minute\":null}]")))
    @APIResponse(responseCode = "403", description = "You do not have the feature “apitokens”.")
    public List<TokenView> list() {
        Principal principal = checkScope(false, "GET /api/v1/tokens");
        return tokens.list(principal.accountId()).stream().map(t -> TokenView.of(t, principal)).toList();
    }

    @POST
    @Operation(operationId = "rest_tokens_create", summary = "Create a token; the value is in this response only")
    @APIResponse(responseCode = "201", description = "Created; the token value is shown once", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedTokenView.class), examples = @ExampleObject(
                    name = "created", value = "{\"name\":\"ci-deploy\",\"token\":\"LY6NY53MGGDUQPXDX7DMFUV4LCGD31SX\","
                            + "\"create_time\":1764612000,\"expires_at\":1798761599}")))
    @APIResponse(responseCode = "400", description = "The name is empty, too long or has characters other than letters, digits, - and _; "
            + "or rate_limit_per_minute is not from 1 to 100000.")
    @APIResponse(responseCode = "403", description = "An API token cannot give a token more rights than its own: this token is "
            + "limited, and “ci-deploy” would be unrestricted.")
    @APIResponse(responseCode = "409", description = "A conflicting API token with the name “ci-deploy” already exists.")
    public Response create(NewToken request) {
        Principal principal = checkScope(true, "POST /api/v1/tokens");
        if (request == null) {
            throw ApiException.invalid("A JSON body with a name is required.");
        }
        TokenScope scope = TokenScope.of(TokenService.checkFeatureNames(request.features()), Boolean.TRUE.equals(request.readOnly()));
        TokenService.CreatedToken created = tokens.create(principal, request.name(), request.expiresAt(), scope, request.whitelistIps(),
                request.rateLimitPerMinute());
        ApiToken token = created.token();
        return Response.created(URI.create("/api/v1/tokens/" + token.name))
                .entity(new CreatedTokenView(token.name, created.value(), token.createTime, token.expiresAt))
                .header("Cache-Control", "no-store")
                .build();
    }

    @PATCH
    @Path("/{name}")
    @Operation(operationId = "rest_tokens_update", summary = "Change a token: its name, features, read-only flag, IP allow-list, "
            + "expiry or rate limit; its value keeps working")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenView.class), examples = @ExampleObject(name = "changed",
                    value = "{\"name\":\"deploy-prod\",\"create_time\":1764612000,\"expires_at\":1798761599,\"has_full_access\":0,"
                            + "\"features\":[\"sslinstall\",\"zoneedit\"],\"read_only\":1,\"whitelist_ips\":[\"203.0.113.7\",\"2001:db8::/32\"],"
                            + "\"last_used_at\":1764615600,\"last_used_ip\":\"203.0.113.7\",\"rate_limit_per_minute\":120}")))
    @APIResponse(responseCode = "400", description = "The “new_name” argument cannot be empty.")
    @APIResponse(responseCode = "403", description = "An API token cannot give a token more rights than its own: this token is "
            + "read-only, and “ci-deploy” would not be.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    @APIResponse(responseCode = "409", description = "An API token with the name “deploy-prod” already exists.")
    public TokenView update(@Parameter(description = "The token's current name.", example = "ci-deploy") @PathParam("name") String name,
            TokenChange request) {
        Principal principal = checkScope(true, "PATCH /api/v1/tokens/{name}");
        if (request == null || (request.newName() == null && request.features() == null && request.readOnly() == null
                && request.whitelistIps() == null && request.expiresAt() == null && request.rateLimitPerMinute() == null)) {
            throw ApiException.invalid("A JSON body with at least one of new_name, features, read_only, whitelist_ips, expires_at or "
                    + "rate_limit_per_minute is required.");
        }
        if (request.newName() != null && request.newName().isEmpty()) {
            throw ApiException.invalid("The “new_name” argument cannot be empty.");
        }
        return TokenView.of(tokens.update(principal, name, new TokenService.TokenChange(request.newName(),
                TokenService.checkFeatureNames(request.features()), request.readOnly(), request.whitelistIps(), request.expiresAt(),
                request.rateLimitPerMinute())),
                principal);
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "rest_tokens_revoke", summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "Revoked; programs that use it are refused at once")
    @APIResponse(responseCode = "403", description = "This API token is read-only: “DELETE /api/v1/tokens/{name}” changes data.")
    @APIResponse(responseCode = "404", description = "The API token “ci-deploy” does not exist.")
    public void revoke(@Parameter(description = "The token's name.", example = "ci-deploy") @PathParam("name") String name) {
        Principal principal = checkScope(true, "DELETE /api/v1/tokens/{name}");
        if (!tokens.revoke(principal.accountId(), name)) {
            throw ApiException.notFound("The API token " + Quote.of(name) + " does not exist.");
        }
    }

    /**
     * A scoped token on this API (issue 19 §1): these endpoints are the {@code apitokens} feature, as UAPI's
     * {@code Tokens::*} are, so a token limited to features needs that one; a read-only token may only read (GET). What a
     * token may create or change is then {@link TokenService}'s no-escalation rule.
     *
     * @return the caller's account
     */
    private Principal checkScope(boolean changes, String endpoint) {
        return checkScope(caller.principal(), changes, endpoint);
    }

    /** The same rule for any token endpoint of this REST face (rotation's too). */
    public static Principal checkScope(Principal principal, boolean changes, String endpoint) {
        TokenScope scope = principal.scope();
        if (scope == null) {
            return principal;
        }
        if (!scope.allows(TokensModule.FEATURE)) {
            throw ApiException.forbidden(Dispatcher.noFeature(TokensModule.FEATURE));
        }
        if (changes && scope.readOnly()) {
            throw ApiException.forbidden(Dispatcher.readOnlyRefusal(endpoint));
        }
        return principal;
    }
}
