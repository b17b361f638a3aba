package dev.openuapi.whm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.Acl;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.WhmToken;
import dev.openuapi.operator.WhmTokenService;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenRules;

/**
 * WHM API tokens (spec §10.2): {@code api_token_create}, {@code _list}, {@code _update}, {@code _revoke} and
 * {@code _get_details}. Each WHM user manages its own tokens; a token's ACLs can only be ones its maker
 * holds.
 */
@ApplicationScoped
public class WhmTokensModule implements ApiModule {

    private static final Param TOKEN_NAME = Param.string("token_name", "The token's name.").required().example("billing");

    private final WhmTokenService tokens;

    WhmTokensModule(WhmTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public List<ApiFunction> functions() {
        Shape ips = Shape.arrayOf("Addresses and CIDR ranges it may be used from, or null for any.", Shape.string("An entry.")).orNull();
        Shape record = Shape.object("A token.").field("name", Shape.string("Its name.")).field("create_time", Shape.integer("Unix epoch."))
                .field("expires_at", Shape.integer("Unix epoch, or null: never.").orNull())
                .field("acls", Shape.mapOf("Every ACL its owner could give: 1 if the token has it.", Shape.integer("1 or 0.")))
                .field("whitelist_ips", ips).build();
        return List.of(
                ApiFunction.named("api_token_create").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Create a WHM API token")
                        .description("The token is in this answer and never again: only its SHA-512 is stored. Without acl, the token "
                                + "holds every privilege its owner holds, now and later.")
                        .param(TOKEN_NAME)
                        .param(Param.string("acl", "A privilege (repeatable, or acl-0, acl-1, …); none: all of yours.").multiple())
                        .param(Param.string("expires_at", "Unix epoch; 0 or none: never expires."))
                        .param(Param.string("whitelist_ip", "An address or CIDR range (repeatable, at most 100).").multiple())
                        .returns(Shape.object("The new token.").field("token", Shape.string("The token: 32 characters, A-Z 0-9."))
                                .field("name", Shape.string("Its name.")).field("create_time", Shape.integer("Unix epoch."))
                                .field("expires_at", Shape.integer("Unix epoch, or null.").orNull())
                                .field("acls", Shape.arrayOf("The ACLs given, when some were.", Shape.string("An ACL.")))
                                .field("whitelist_ips", ips).build())
                        .handledBy(this::create),
                ApiFunction.named("api_token_list").whm1().acl(Acl.MANAGE_API_TOKENS).summary("List your WHM API tokens")
                        .returns(Shape.object("The tokens.").field("tokens", Shape.mapOf("Keyed by name.", record)).build())
                        .handledBy(call -> {
                            Map<String, Object> byName = new LinkedHashMap<>();
                            tokens.list(call.whmUser()).forEach(t -> byName.put(t.name, view(call.whmUser(), t)));
                            return Map.of("tokens", byName);
                        }),
                ApiFunction.named("api_token_update").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Rename a WHM API token or change its limits")
                        .description("Only what is given changes. acl replaces the token's privileges; whitelist_ip=any lifts the "
                                + "address limit; expires_at=0 makes it never expire.")
                        .param(TOKEN_NAME)
                        .param(Param.string("new_name", "A new name."))
                        .param(Param.string("acl", "A privilege (repeatable, or acl-0, acl-1, …).").multiple())
                        .param(Param.string("expires_at", "Unix epoch; 0: never."))
                        .param(Param.string("whitelist_ip", "An address or CIDR range (repeatable), or any.").multiple())
                        .returns(record).handledBy(this::update),
                ApiFunction.named("api_token_revoke").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Revoke WHM API tokens")
                        .description("token_name may repeat (token_name-0, token_name-1, …). Names that do not exist are ignored.")
                        .param(Param.string("token_name", "A token's name.").multiple().required())
                        .returns(Shape.object("Nothing.").build())
                        .handledBy(call -> {
                            tokens.revoke(call.whmUser(), call.args().getMultiple("token_name"));
                            return Map.of();
                        }),
                ApiFunction.named("api_token_get_details").whm1().acl(Acl.MANAGE_API_TOKENS).summary("Look up one of your tokens by its value")
                        .param(Param.string("token", "The token itself.").required())
                        .returns(record.orNull())
                        .handledBy(call -> tokens.details(call.whmUser(), call.args().get("token"))
                                .map(t -> view(call.whmUser(), t)).orElse(null)));
    }

    private Object create(Call call) {
        Args args = call.args();
        List<String> acls = args.getMultiple("acl");
        WhmTokenService.CreatedWhmToken created = tokens.create(call.whmUser(), args.get("token_name"), acls,
                TokenRules.parseEpoch(args.get("expires_at")), args.getMultiple("whitelist_ip"));
        WhmToken token = created.token();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", created.value());
        data.put("name", token.name);
        data.put("create_time", token.createTime);
        data.put("expires_at", token.expiresAt);
        if (!acls.isEmpty()) { // acls appears only when ACLs were given (spec §10.2)
            data.put("acls", List.copyOf(Acl.parse(token.acls)));
        }
        data.put("whitelist_ips", IpAllowList.asList(token.whitelistIps));
        return data;
    }

    private Object update(Call call) {
        Args args = call.args();
        List<String> acls = args.getMultiple("acl");
        List<String> whitelist = args.getMultiple("whitelist_ip");
        WhmToken token = tokens.update(call.whmUser(), args.get("token_name"), new WhmTokenService.Changes(
                args.getNonEmpty("new_name"), acls.isEmpty() ? null : acls, args.get("expires_at"),
                whitelist.isEmpty() ? null : IpAllowList.fromArgument(whitelist)));
        return view(call.whmUser(), token);
    }

    private static Map<String, Object> view(WhmUser owner, WhmToken token) {
        Set<String> acls = Acl.parse(token.acls);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", token.name);
        row.put("create_time", token.createTime);
        row.put("expires_at", token.expiresAt);
        row.put("acls", Acl.expand(owner.privileges(), acls == null ? owner.privileges() : acls));
        row.put("whitelist_ips", IpAllowList.asList(token.whitelistIps));
        return row;
    }
}
