package dev.openuapi.whm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Account;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.AclList;
import dev.openuapi.operator.AclListService;
import dev.openuapi.operator.ResellerService;

/**
 * Resellers (WHM API 1): an account becomes a WHM user that owns a set of accounts and holds the
 * privileges root gives it. Only root-level users manage resellers; every WHM user may read its own
 * privileges with {@code myprivs}.
 */
@ApplicationScoped
public class ResellersModule implements ApiModule {

    private final ResellerService resellers;
    private final AclListService aclLists;

    ResellersModule(ResellerService resellers, AclListService aclLists) {
        this.resellers = resellers;
        this.aclLists = aclLists;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "Resellers";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape privileges = Shape.object("The privileges.").field("privileges",
                Shape.arrayOf("One map of every ACL to 1 or 0.", Shape.mapOf("ACL to 1 or 0.", Shape.integer("1 or 0.")))).build();
        return List.of(
                ApiFunction.named("setupreseller").whm1().acl(Acl.ROOT).summary("Make an account a reseller (with no privileges yet)")
                        .param(Param.string("user", "The account.").required().example("example"))
                        .param(Param.string("makeowner", "1: the reseller owns its own account.").example("1"))
                        .example(null) // cPanel's sample answer: metadata only
                        .api0(Api0.status("result", ""))
                        .doing(call -> resellers.setup(call.args().get("user"), "1".equals(call.args().get("makeowner")))),
                ApiFunction.named("unsetupreseller").whm1().acl(Acl.ROOT).summary("End reselling: its accounts go back to root")
                        .description("The reseller's WHM API tokens are revoked.")
                        .param(Param.string("user", "The reseller.").required().example("example"))
                        .example(null) // cPanel's sample answer: metadata only
                        .exampleSetup("/json-api/setupreseller?api.version=1&user=example")
                        .api0(Api0.status("result", ""))
                        .doing(call -> resellers.remove(call.args().get("user"))),
                ApiFunction.named("setacls").whm1().acl(Acl.ROOT).summary("Set a reseller's privileges")
                        .description("Each acl-NAME argument given (for example acl-create-acct=1) grants NAME; every privilege "
                                + "not given is taken away. Or acllist=NAME gives the reseller a copy of the list saved with "
                                + "saveacllist (saving the list again later does not change the reseller); not both.")
                        .param(Param.string("reseller", "The reseller (user is accepted too).").example("example"))
                        .param(Param.string("user", "The reseller: an alias of reseller.").example("example"))
                        .param(Param.string("acllist", "A saved ACL list (listacls) to apply instead of acl-* arguments.")
                                .example("my_acl_list"))
                        .returns(Shape.object("The reseller's privileges.")
                                .field("acl", Shape.arrayOf("The privileges it now holds.", Shape.string("A privilege."))).build())
                        .exampleJson("{\"acl\":[\"all\"]}")
                        .exampleSetup("/json-api/setupreseller?api.version=1&user=example",
                                "/json-api/saveacllist?api.version=1&acllist=my_acl_list&acl-all=1")
                        .api0(Api0.status("result", "Reseller Acls Saved").field("acl", "acls"))
                        .handledBy(this::setAcls),
                ApiFunction.named("saveacllist").whm1().acl(Acl.ROOT).summary("Create or update privilege list and settings")
                        .description("Saves a named ACL list: each acl-NAME=1 adds NAME to it, each acl-NAME=0 removes it, the "
                                + "others stay as they were (a new list starts empty). setacls acllist=NAME applies it.")
                        .param(Param.string("acllist", "The ACL list's name: to change a list, its name.").required()
                                .example("my_acl_list"))
                        // cPanel's sample answer: metadata only ({"command":"saveacllist","reason":"ACL List my_acl_list saved.",…})
                        .example(null)
                        .api0(Api0.status("result", "ACL List {acllist} saved."))
                        .doing(call -> aclLists.save(call.args().get("acllist"), aclChanges(call))),
                ApiFunction.named("listacls").whm1().acl(Acl.ROOT).summary("Return all privilege lists and settings")
                        .description("Every saved ACL list, by name, with each privilege OpenUAPI knows as 1 or 0.")
                        .returns(Shape.object("The lists.").field("acl", Shape.arrayOf("The saved ACL lists.",
                                Shape.object("A list.").field("name", Shape.string("Its name."))
                                        .field("privileges", Shape.mapOf("Each privilege to 1 or 0.", Shape.integer("1 or 0.")))
                                        .build())).build())
                        // cPanel's example is {"acl":[{"name":"acl1","privileges":{"acct-summary":1,"add-pkg":1,"all":1,…}}]}:
                        // here every privilege OpenUAPI knows is listed
                        .example(Map.of("acl", List.of(Map.of("name", "my_acl_list", "privileges", Acl.expand(Set.of(Acl.ALL), Set.of(Acl.ALL))))))
                        .exampleSetup("/json-api/saveacllist?api.version=1&acllist=my_acl_list&acl-all=1")
                        // WHM API 0 keys the lists by name: ACL lists are the server's, so it runs where only its own list exists
                        .exampleIsolated("ACL lists are the whole server's, and WHM API 0 keys them by name")
                        .api0(Api0.byName("acls"))
                        .handledBy(this::listAcls),
                ApiFunction.named("listresellers").whm1().acl(Acl.ROOT).summary("List resellers")
                        .returns(Shape.object("The resellers.").field("reseller", Shape.arrayOf("Usernames.", Shape.string("A reseller."))).build())
                        .exampleJson("{\"reseller\":[\"example\"]}")
                        .exampleSetup("/json-api/setupreseller?api.version=1&user=example")
                        .handledBy(call -> Map.of("reseller", resellers.list().stream().map(a -> a.username).toList())),
                ApiFunction.named("listresellerowned").whm1().acl(Acl.ROOT).summary("List the accounts a reseller owns (OpenUAPI extension)")
                        .param(Param.string("reseller", "The reseller.").required().example("example"))
                        .exampleJson("{\"accounts\":[\"example\"]}")
                        // a reseller's own account is not listed, and a second account cannot be made for the fresh one: the live
                        // call asks for root's accounts, among them the fresh one
                        .exampleArgs("reseller=root")
                        .returns(Shape.object("The accounts.").field("accounts", Shape.arrayOf("Usernames.", Shape.string("An account."))).build())
                        .handledBy(call -> Map.of("accounts", resellers.ownedBy(call.args().get("reseller")))),
                ApiFunction.named("myprivs").whm1().acl(Acl.ANY).summary("Your own privileges")
                        .description("What this request may do: the user's privileges, narrowed by the token's when it has its own list.")
                        .returns(privileges)
                        // cPanel's example: one object of every privilege to 1 or 0 (root: all 1)
                        .example(Map.of("privileges", List.of(Acl.expand(Set.of(Acl.ALL), Set.of(Acl.ALL)))))
                        .handledBy(call -> Map.of("privileges", List.of(Acl.expand(Set.of(Acl.ALL), call.whmUser().effectiveAcls())))));
    }

    private Object setAcls(Call call) {
        String reseller = call.args().getNonEmpty("reseller");
        reseller = reseller == null ? call.args().getNonEmpty("user") : reseller;
        if (reseller == null) {
            throw ApiException.invalid("Provide the “reseller” argument.");
        }
        String list = call.args().getNonEmpty("acllist");
        Set<String> given = aclsGiven(call);
        if (list != null && !given.isEmpty()) {
            throw ApiException.invalid("Give either acllist or acl-* arguments, not both.");
        }
        Account account = list != null ? resellers.applyAclList(reseller, list) : resellers.setAcls(reseller, given);
        return Map.of("acl", List.copyOf(account.resellerAcls));
    }

    private Object listAcls(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AclList list : aclLists.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", list.name);
            row.put("privileges", Acl.expand(Set.of(Acl.ALL), new TreeSet<>(list.acls)));
            rows.add(row);
        }
        return Map.of("acl", rows);
    }

    /** saveacllist's acl-NAME arguments: 1 adds NAME, 0 removes it (cPanel's enum); anything else is refused. */
    private static Map<String, Boolean> aclChanges(Call call) {
        Map<String, Boolean> changes = new TreeMap<>();
        call.args().asMap().forEach((key, value) -> {
            if (key.startsWith("acl-")) {
                String acl = key.substring("acl-".length());
                if (!"1".equals(value) && !"0".equals(value)) {
                    throw ApiException.invalid(Quote.of(value) + " is not a valid value for " + Quote.of(key) + ": use 1 or 0.");
                }
                changes.put(acl, "1".equals(value));
            }
        });
        return changes;
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
