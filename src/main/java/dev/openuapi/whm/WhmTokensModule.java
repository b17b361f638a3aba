package dev.openuapi.whm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.WhmToken;
import dev.openuapi.operator.WhmTokenService;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenRules;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * WHM API tokens (spec §10.2): {@code api_token_create}, {@code _list}, {@code _update}, {@code _revoke} and
 * {@code _get_details}. Each WHM user manages its own tokens; a token's ACLs can only be ones its maker
 * holds.
 */
@ApplicationScoped
public class WhmTokensModule implements ApiModule {

    /** The example token's name: the fresh account's username in the live examples, so that each run's token is new. */
    private static final Param TOKEN_NAME = Param.string("token_name", "The token's name.").required().example("example");
    private static final String EXPIRES = "4102444800";
    private static final String WHITELISTED = "192.0.2.0/24";

    @RegisterForReflection
    @Schema(description = "A token.")
    record TokenRow(@Schema(description = "Its name.") String name,
            @JsonProperty("create_time") @Schema(description = "Unix epoch.") long createTime,
            @JsonProperty("expires_at") @Schema(description = "Unix epoch, or null: never.", nullable = true) Long expiresAt,
            @Schema(description = "Every ACL its owner could give: 1 if the token has it.") Map<String, Integer> acls,
            @JsonProperty("whitelist_ips") @Schema(description = WHITELIST, nullable = true) List<String> whitelistIps) {

        static TokenRow of(WhmUser owner, WhmToken token) {
            Set<String> acls = token.acls == null ? owner.privileges() : new TreeSet<>(token.acls);
            return new TokenRow(token.name, token.createTime, token.expiresAt, Acl.expand(owner.privileges(), acls), token.whitelistIps);
        }
    }

    @RegisterForReflection
    @Schema(description = "The new token.")
    record CreatedRow(@Schema(description = "The token: 32 characters, A-Z 0-9.") String token, @Schema(description = "Its name.") String name,
            @JsonProperty("create_time") @Schema(description = "Unix epoch.") long createTime,
            @JsonProperty("expires_at") @Schema(description = "Unix epoch, or null.", nullable = true) Long expiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The ACLs given, when some were (spec §10.2).") List<String> acls,
            @JsonProperty("whitelist_ips") @Schema(description = WHITELIST, nullable = true) List<String> whitelistIps) {
    }

    @RegisterForReflection
    record TokenList(@Schema(description = "Keyed by name.") Map<String, TokenRow> tokens) {
    }

    private static final String WHITELIST = "Addresses and CIDR ranges it may be used from, or null for any.";

    private final WhmTokenService tokens;

    WhmTokensModule(WhmTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "API Tokens";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("api_token_create").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Create a WHM API token")
                        .description("The token is in this answer and never again: only its SHA-512 is stored. Without acl, the token "
                                + "holds every privilege its owner holds, now and later.")
                        .param(TOKEN_NAME)
                        .param(Param.string("acl", "A privilege (repeatable, or acl-0, acl-1, …); none: all of yours.").multiple()
                                .example(Acl.LIST_ACCTS))
                        .param(Param.string("expires_at", "Unix epoch; 0 or none: never expires.").example(EXPIRES))
                        .param(Param.string("whitelist_ip", "An address or CIDR range (repeatable, at most 100).").multiple()
                                .example(WHITELISTED))
                        .returns(Shape.of(CreatedRow.class))
                        .example(new CreatedRow("U7BBDR3QK9ZFAJ2Q6WQ4NQ2AMYJ1SEDW", "example", 1549471343L, Long.valueOf(EXPIRES),
                                List.of(Acl.LIST_ACCTS), List.of(WHITELISTED)))
                        .handledBy(this::create),
                ApiFunction.named("api_token_list").whm1().acl(Acl.MANAGE_API_TOKENS).summary("List your WHM API tokens")
                        .returns(Shape.of(TokenList.class))
                        .example(new TokenList(Map.of("example", exampleRow("example"))))
                        .exampleSetup("/json-api/api_token_create?api.version=1&token_name=example")
                        // keyed by name: root's tokens are the server's, so it runs where no other example has made one
                        .exampleIsolated("lists every token root holds, which other tests make too")
                        .handledBy(call -> {
                            Map<String, TokenRow> byName = new LinkedHashMap<>();
                            tokens.list(call.whmUser()).forEach(t -> byName.put(t.name, TokenRow.of(call.whmUser(), t)));
                            return new TokenList(byName);
                        }),
                ApiFunction.named("api_token_update").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Rename a WHM API token or change its limits")
                        .description("Only what is given changes. acl replaces the token's privileges; whitelist_ip=any lifts the "
                                + "address limit; expires_at=0 makes it never expire.")
                        .param(TOKEN_NAME)
                        .param(Param.string("new_name", "A new name.").example("example_renamed"))
                        .param(Param.string("acl", "A privilege (repeatable, or acl-0, acl-1, …).").multiple().example(Acl.LIST_ACCTS))
                        .param(Param.string("expires_at", "Unix epoch; 0: never.").example(EXPIRES))
                        .param(Param.string("whitelist_ip", "An address or CIDR range (repeatable), or any.").multiple().example(WHITELISTED))
                        .returns(Shape.of(TokenRow.class)).example(exampleRow("example_renamed"))
                        .exampleSetup("/json-api/api_token_create?api.version=1&token_name=example")
                        .handledBy(this::update),
                ApiFunction.named("api_token_revoke").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Revoke WHM API tokens")
                        .description("token_name may repeat (token_name-0, token_name-1, …). Names that do not exist are ignored.")
                        .param(Param.string("token_name", "A token's name.").multiple().required().example("example"))
                        .returns(Shape.object("Nothing.").build())
                        .example(Map.of())
                        .exampleSetup("/json-api/api_token_create?api.version=1&token_name=example")
                        .handledBy(call -> {
                            tokens.revoke(call.whmUser(), call.args().getMultiple("token_name"));
                            return Map.of();
                        }),
                ApiFunction.named("api_token_get_details").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Look up one of your tokens by its value")
                        .param(Param.string("token", "The token itself.").required().example("U7BBDR3QK9ZFAJ2Q6WQ4NQ2AMYJ1SEDW"))
                        .returns(Shape.of(TokenRow.class).orNull())
                        .example(exampleRow("example"))
                        .exampleNotLive("the token's value is only in api_token_create's answer, which a written call cannot pass on")
                        .handledBy(call -> tokens.details(call.whmUser(), call.args().get("token"))
                                .map(t -> TokenRow.of(call.whmUser(), t)).orElse(null)));
    }

    /** A token of root's limited to list-accts, from an address range, until 2100. */
    private static TokenRow exampleRow(String name) {
        return new TokenRow(name, 1549471343L, Long.valueOf(EXPIRES), Acl.expand(Set.of(Acl.ALL), Set.of(Acl.LIST_ACCTS)),
                List.of(WHITELISTED));
    }

    private Object create(Call call) {
        Args args = call.args();
        List<String> acls = args.getMultiple("acl");
        WhmTokenService.CreatedWhmToken created = tokens.create(call.whmUser(), args.get("token_name"), acls,
                TokenRules.parseEpoch(args.get("expires_at")), args.getMultiple("whitelist_ip"));
        WhmToken token = created.token();
        // acls appears only when ACLs were given (spec §10.2)
        return new CreatedRow(created.value(), token.name, token.createTime, token.expiresAt, acls.isEmpty() ? null : token.acls,
                token.whitelistIps);
    }

    private Object update(Call call) {
        Args args = call.args();
        List<String> acls = args.getMultiple("acl");
        List<String> whitelist = args.getMultiple("whitelist_ip");
        WhmToken token = tokens.update(call.whmUser(), args.get("token_name"), new WhmTokenService.Changes(
                args.getNonEmpty("new_name"), acls.isEmpty() ? null : acls, args.get("expires_at"),
                whitelist.isEmpty() ? null : IpAllowList.fromArgument(whitelist)));
        return TokenRow.of(call.whmUser(), token);
    }
}
