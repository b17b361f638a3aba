package dev.openuapi.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Tokens} (spec §4): cPanel's four token functions, on {@link TokenService}. */
@ApplicationScoped
public class TokensModule implements ApiModule {

    public static final String FEATURE = "apitokens";

    private static final Param NAME = Param.string("name",
            "The token's name: 1-50 characters from a-z A-Z 0-9 _ -, unique for the account (case-sensitive).")
            .required().example("deploy-bot");

    private static final Shape TOKEN_RECORD = Shape.object("A token. The value itself is never listed.")
            .field("name", Shape.string("The token's name."))
            .field("create_time", Shape.integer("When the token was created (Unix epoch)."))
            .field("expires_at", Shape.integer("When the token expires (Unix epoch), or null for never.").orNull())
            .field("has_full_access", Shape.integer("1: the token may use every feature of the account."))
            .field("features", Shape.arrayOf("Empty for full-access tokens.", Shape.string("A feature name.")))
            .field("whitelist_ips", Shape.arrayOf("IP addresses and CIDR ranges the token is limited to, or null for any.",
                    Shape.string("An IP address or range.")).orNull())
            .build();

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
                                + "the token value; it is shown this once and cannot be read back later.")
                        .param(NAME)
                        .param(Param.of("expires_at", ParamType.EPOCH,
                                "When the token expires (Unix epoch). Omitted, empty or 0: it never expires. Must be in the future.")
                                .example("1893456000"))
                        .returns(Shape.object("The new token.")
                                .field("token", Shape.string("The token value: 32 characters A-Z 0-9. Shown only once."))
                                .field("create_time", Shape.integer("When the token was created (Unix epoch)."))
                                .field("whitelist_ips", Shape.arrayOf("Always null for cPanel tokens created here.",
                                        Shape.string("An IP address or range.")).orNull())
                                .build())
                        .handledBy(this::createFullAccess),
                ApiFunction.named("list")
                        .summary("List the account's API tokens")
                        .description("Lists every API token of the account, expired ones included. Token values are never listed.")
                        .returns(Shape.arrayOf("The account's tokens.", TOKEN_RECORD))
                        .handledBy(this::list),
                ApiFunction.named("rename")
                        .summary("Rename an API token")
                        .description("Changes a token's name. The token value does not change, so clients holding it keep working.")
                        .param(Param.string("name", "The token's current name.").required().example("deploy-bot"))
                        .param(Param.string("new_name", "The new name: same rules as name, and different from it.")
                                .required().example("deploy-bot-2"))
                        .returns(Shape.none())
                        .handledBy(this::rename),
                ApiFunction.named("revoke")
                        .summary("Revoke an API token")
                        .description("Deletes a token; the next request with it fails authentication. Revoking an unknown "
                                + "name succeeds with data 0 (cPanel 11.120's behaviour).")
                        .param(Param.string("name", "The name of the token to revoke.").required().example("deploy-bot"))
                        .returns(Shape.integer("1: the token was removed; 0: no token had that name."))
                        .handledBy(this::revoke));
    }

    private Object createFullAccess(Call call) {
        Long expiresAt = TokenRules.parseEpoch(call.args().get("expires_at"));
        TokenService.CreatedToken created = tokens.create(call.principal().accountId(), call.args().get("name"), expiresAt);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("create_time", created.token().createTime);
        data.put("token", created.value());
        data.put("whitelist_ips", IpAllowList.asList(created.token().whitelistIps));
        return data;
    }

    private Object list(Call call) {
        return tokens.list(call.principal().accountId()).stream().map(TokensModule::record).toList();
    }

    private Object rename(Call call) {
        tokens.rename(call.principal().accountId(), call.args().get("name"), call.args().get("new_name"));
        return null;
    }

    private Object revoke(Call call) {
        return tokens.revoke(call.principal().accountId(), call.args().get("name")) ? 1 : 0;
    }

    static Map<String, Object> record(ApiToken token) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", token.name);
        row.put("create_time", token.createTime);
        row.put("expires_at", token.expiresAt);
        row.put("has_full_access", 1);
        row.put("features", List.of());
        row.put("whitelist_ips", IpAllowList.asList(token.whitelistIps));
        return row;
    }
}
