package dev.openuapi.token;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** UAPI {@code Tokens} (spec §4): cPanel's four token functions, on {@link TokenService}. */
@ApplicationScoped
public class TokensModule implements ApiModule {

    public static final String FEATURE = "apitokens";

    private static final Param NAME = Param.string("name",
            "The token's name: 1-50 characters from a-z A-Z 0-9 _ -, unique for the account (case-sensitive).")
            .required().example("deploy-bot");

    private static final Param EXPIRES_AT = Param.of("expires_at", ParamType.EPOCH,
            "When the token expires (Unix epoch). Omitted, empty or 0: it never expires. Must be in the future.").example("1893456000");
    private static final Param CURRENT_NAME = Param.string("name", "The token's current name.").required().example("deploy-bot");
    private static final Param NEW_NAME = Param.string("new_name", "The new name: same rules as name, and different from it.")
            .required().example("deploy-bot-2");
    private static final Param REVOKED = Param.string("name", "The name of the token to revoke.").required().example("deploy-bot");
    private static final String WHITELIST = "IP addresses and CIDR ranges the token is limited to, or null for any.";

    @RegisterForReflection
    @Schema(description = "A token. The value itself is never listed.")
    record TokenRow(@Schema(description = "The token's name.") String name,
            @JsonProperty("create_time") @Schema(description = "When the token was created (Unix epoch).") long createTime,
            @JsonProperty("expires_at") @Schema(description = "When the token expires (Unix epoch), or null for never.", nullable = true)
            Long expiresAt,
            @JsonProperty("has_full_access") @Schema(description = "1: the token may use every feature of the account; 0: it is "
                    + "limited to some features or read-only (made with our REST API).") int hasFullAccess,
            @Schema(description = "Empty for full-access tokens; for a limited or read-only token, the features it may use, sorted "
                    + "(every feature of the account when it is only read-only).") List<String> features,
            @JsonProperty("whitelist_ips") @Schema(description = WHITELIST, nullable = true) List<String> whitelistIps,
            @JsonProperty("read_only") @Schema(description = "1: the token may call only functions that change nothing (OpenUAPI's "
                    + "own field; cPanel's clients ignore it).") int readOnly) {

        static TokenRow of(ApiToken token, Principal account) {
            boolean full = token.scope() == null;
            return new TokenRow(token.name, token.createTime, token.expiresAt, full ? 1 : 0,
                    full ? List.of() : List.copyOf(TokenService.effectiveFeatures(token, account)), token.whitelistIps, token.readOnly ? 1 : 0);
        }
    }

    /** The arguments cPanel's {@code create_full_access} never had, which a caller might send hoping for less access. */
    static final String NOT_FULL_ACCESS = "“create_full_access” creates unrestricted tokens only. To create a read-only or limited "
            + "token, use POST /api/v1/tokens (features, read_only).";

    @RegisterForReflection
    @Schema(description = "The new token.")
    record CreatedRow(@JsonProperty("create_time") @Schema(description = "When the token was created (Unix epoch).") long createTime,
            @Schema(description = "The token value: 32 characters A-Z 0-9. Shown only once.") String token,
            @JsonProperty("whitelist_ips") @Schema(description = "Always null for cPanel tokens created here.", nullable = true)
            List<String> whitelistIps) {
    }

    private final TokenService tokens;

    TokensModule(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "Tokens";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("create_full_access")
                        .summary("Create a full-access API token")
                        .description("Creates an API token with access to every feature of the account. The response holds "
                                + "the token value; it is shown this once and cannot be read back later. It refuses the arguments "
                                + "readonly, read_only and features rather than ignore them: a read-only or limited token is made with "
                                + "POST /api/v1/tokens. A limited or read-only token cannot call it (no token gives more rights than "
                                + "its own).")
                        .changesState()
                        .param(NAME)
                        .param(EXPIRES_AT)
                        .returns(Shape.of(CreatedRow.class))
                        .exampleJson("{\"create_time\":1532457193,\"token\":\"6Z5Q2ZOE8RJ1ENO6QF8GDDU0UL3TZ2AB\",\"whitelist_ips\":null}")
                        .handledBy(this::createFullAccess),
                ApiFunction.named("list")
                        .summary("List the account's API tokens")
                        .description("Lists every API token of the account, expired ones included. Token values are never listed.")
                        .readsOnly()
                        .returns(Shape.arrayOf("The account's tokens.", Shape.of(TokenRow.class)))
                        .exampleJson("""
                                [{"name":"deploy-bot","create_time":1532457193,"expires_at":null,"has_full_access":1,"features":[],\
                                "whitelist_ips":null,"read_only":0}]""")
                        .exampleSetup("/execute/Tokens/create_full_access?name=deploy-bot")
                        .handledBy(this::list),
                ApiFunction.named("rename")
                        .summary("Rename an API token")
                        .description("Changes a token's name. The token value does not change, so clients holding it keep working.")
                        .changesState()
                        .param(CURRENT_NAME)
                        .param(NEW_NAME)
                        .example(null)
                        .exampleSetup("/execute/Tokens/create_full_access?name=deploy-bot")
                        .doing(call -> tokens.update(call.principal(), CURRENT_NAME.from(call),
                                new TokenService.TokenChange(NEW_NAME.from(call), null, null, null, null))),
                ApiFunction.named("revoke")
                        .summary("Revoke an API token")
                        .description("Deletes a token; the next request with it fails authentication. Revoking an unknown "
                                + "name succeeds with data 0 (cPanel 11.120's behaviour).")
                        .changesState()
                        .param(REVOKED)
                        .returns(Shape.integer("1: the token was removed; 0: no token had that name."))
                        .exampleJson("1")
                        .exampleSetup("/execute/Tokens/create_full_access?name=deploy-bot")
                        .handledBy(this::revoke));
    }

    private Object createFullAccess(Call call) {
        boolean asksForLess = call.args().asMap().keySet().stream()
                .anyMatch(key -> key.equals("readonly") || key.equals("read_only") || key.equals("features") || key.startsWith("features-"));
        if (asksForLess) {
            throw ApiException.invalid(NOT_FULL_ACCESS);
        }
        TokenService.CreatedToken created = tokens.create(call.principal(), NAME.from(call), TokenRules.parseEpoch(EXPIRES_AT.from(call)),
                null, null);
        return new CreatedRow(created.token().createTime, created.value(), created.token().whitelistIps);
    }

    private Object list(Call call) {
        return tokens.list(call.principal().accountId()).stream().map(t -> TokenRow.of(t, call.principal())).toList();
    }

    private Object revoke(Call call) {
        return tokens.revoke(call.principal().accountId(), REVOKED.from(call)) ? 1 : 0;
    }
}
