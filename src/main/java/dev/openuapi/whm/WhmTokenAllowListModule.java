package dev.openuapi.whm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.operator.Acl;
import dev.openuapi.token.ApiToken;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenService;

/**
 * The operator's way to limit a customer's cPanel API token to IP addresses (spec §3.6): WHM's
 * {@code api_token_update} cannot reach cPanel tokens, so OpenUAPI adds this WHM-style function.
 */
@ApplicationScoped
public class WhmTokenAllowListModule implements ApiModule {

    private final AccountAccess accounts;
    private final TokenService tokens;

    WhmTokenAllowListModule(AccountAccess accounts, TokenService tokens) {
        this.accounts = accounts;
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
        return List.of(ApiFunction.named("set_cpanel_token_whitelist").whm1().acl(Acl.EDIT_ACCOUNT)
                .summary("Limit a cPanel API token to IP addresses (OpenUAPI extension)")
                .description("whitelist_ip (repeatable, or whitelist_ip-0, -1, …) takes addresses and CIDR ranges, IPv4 or IPv6, "
                        + "at most 100; whitelist_ip=any lifts the limit.")
                .param(Param.string("user", "The account.").required().example("example"))
                .param(Param.string("token_name", "The token's name.").required().example("example_token"))
                .param(Param.string("whitelist_ip", "An address or range; any to clear.").multiple().required().example("192.0.2.0/24"))
                .returns(Shape.object("The token's allow-list.").field("name", Shape.string("The token."))
                        .field("whitelist_ips", Shape.arrayOf("Normalised entries, or null for any address.", Shape.string("An entry."))
                                .orNull()).build())
                .exampleJson("{\"name\":\"example_token\",\"whitelist_ips\":[\"192.0.2.0/24\"]}")
                .exampleSetup("/execute/Tokens/create_full_access?name=example_token")
                .handledBy(this::setWhitelist));
    }

    private Object setWhitelist(Call call) {
        List<String> list = IpAllowList.fromArgument(call.args().getMultiple("whitelist_ip"));
        ApiToken token = tokens.setWhitelist(accounts.owned(call.whmUser(), call.args().get("user")).id, call.args().get("token_name"), list);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", token.name);
        data.put("whitelist_ips", token.whitelistIps);
        return data;
    }
}
