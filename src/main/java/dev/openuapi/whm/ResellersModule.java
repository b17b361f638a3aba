package dev.openuapi.whm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.ResellerService;

/**
 * Resellers (WHM API 1): an account becomes a WHM user that owns a set of accounts and holds the
 * privileges root gives it. Only root-level users manage resellers; every WHM user may read its own
 * privileges with {@code myprivs}.
 */
@ApplicationScoped
public class ResellersModule implements ApiModule {

    private final ResellerService resellers;

    ResellersModule(ResellerService resellers) {
        this.resellers = resellers;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public List<ApiFunction> functions() {
        Shape privileges = Shape.object("The privileges.").field("privileges",
                Shape.arrayOf("One map of every ACL to 1 or 0.", Shape.mapOf("ACL to 1 or 0.", Shape.integer("1 or 0.")))).build();
        return List.of(
                ApiFunction.named("setupreseller").whm1().acl(Acl.ROOT).summary("Make an account a reseller (with no privileges yet)")
                        .param(Param.string("user", "The account.").required())
                        .param(Param.string("makeowner", "1: the reseller owns its own account."))
                        .api0(Api0.status("result", ""))
                        .doing(call -> resellers.setup(call.args().get("user"), "1".equals(call.args().get("makeowner")))),
                ApiFunction.named("unsetupreseller").whm1().acl(Acl.ROOT).summary("End reselling: its accounts go back to root")
                        .description("The reseller's WHM API tokens are revoked.")
                        .param(Param.string("user", "The reseller.").required())
                        .api0(Api0.status("result", ""))
                        .doing(call -> resellers.remove(call.args().get("user"))),
                ApiFunction.named("setacls").whm1().acl(Acl.ROOT).summary("Set a reseller's privileges")
                        .description("Each acl-NAME argument given (for example acl-create-acct=1) grants NAME; every privilege "
                                + "not given is taken away.")
                        .param(Param.string("reseller", "The reseller.").required())
                        .api0(Api0.status("result", "Reseller Acls Saved"))
                        .doing(call -> resellers.setAcls(call.args().get("reseller"), aclsGiven(call))),
                ApiFunction.named("listresellers").whm1().acl(Acl.ROOT).summary("List resellers")
                        .returns(Shape.object("The resellers.").field("reseller", Shape.arrayOf("Usernames.", Shape.string("A reseller."))).build())
                        .handledBy(call -> Map.of("reseller", resellers.list().stream().map(a -> a.username).toList())),
                ApiFunction.named("listresellerowned").whm1().acl(Acl.ROOT).summary("List the accounts a reseller owns (OpenUAPI extension)")
                        .param(Param.string("reseller", "The reseller.").required())
                        .returns(Shape.object("The accounts.").field("accounts", Shape.arrayOf("Usernames.", Shape.string("An account."))).build())
                        .handledBy(call -> Map.of("accounts", resellers.ownedBy(call.args().get("reseller")))),
                ApiFunction.named("myprivs").whm1().acl(Acl.ANY).summary("Your own privileges")
                        .description("What this request may do: the user's privileges, narrowed by the token's when it has its own list.")
                        .returns(privileges)
                        .handledBy(call -> Map.of("privileges", List.of(Acl.expand(Set.of(Acl.ALL), call.whmUser().effectiveAcls())))));
    }

    private static Set<String> aclsGiven(Call call) {
        Set<String> acls = new TreeSet<>();
        call.args().asMap().forEach((key, value) -> {
            if (key.startsWith("acl-") && value != null && !value.isEmpty()) {
                acls.add(key.substring("acl-".length()));
            }
        });
        return acls;
    }
}
