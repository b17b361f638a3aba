package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A reseller, with every privilege the calls need, reaches only the accounts it owns: on an account owned by root or
 * by another reseller, every function that names an account answers exactly as for an account that does not exist,
 * and changes nothing. One table lists every WHM API 1 function, so a new function must be placed in it.
 */
@QuarkusTest
class ResellerOwnershipTest {

    /**
     * OpenUAPI's own wording (src/docs/whm-api-1.md: "any other account answers as if it did not exist"); cPanel's accountsummary says
     * "Account does not exist.".
     */
    static String missing(String user) {
        return "The account “" + user + "” does not exist.";
    }

    /** One way to name an account: the call, and how to tell that it did its work. */
    record Target(String function, BiFunction<RequestSpecification, Account, String> call, Predicate<String> succeeded,
            Predicate<String> answersMissing) {
    }

    /** An account with a cPanel token named t1 (from 127.0.0.1). */
    record Account(TestAccount account, String token) {
        String user() {
            return account.username();
        }
    }

    private static final String PLAN = "own-" + Fixtures.randomSuffix(6);

    private static String whm(RequestSpecification as, String function, Map<String, String> args) {
        return Whm.call(as, function, args);
    }

    private static boolean whmOk(String body) {
        return Fixtures.json(body).get("metadata").get("result").intValue() == 1;
    }

    private static Predicate<String> whmMissing(Account target) {
        return body -> missing(target.user()).equals(Fixtures.json(body).get("metadata").get("reason").textValue());
    }

    /** /json-api/cpanel refuses to act in API 2's shape, the reason in cpanelresult.error (for apiversion 3 too). */
    private static Predicate<String> jsonApiMissing(Account nobody) {
        return body -> body.contains("\"error\":\"" + missing(nobody.user()) + "\"");
    }

    private static String jsonApi(RequestSpecification as, Map<String, String> args) {
        return as.queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
    }

    /** The functions that act on a named account, each with arguments that would change it if the call went through. */
    static List<Target> targets(Account nobody) {
        return List.of(
                new Target("accountsummary", (as, t) -> whm(as, "accountsummary", Map.of("user", t.user())), ResellerOwnershipTest::whmOk,
                        null),
                new Target("suspendacct", (as, t) -> whm(as, "suspendacct", Map.of("user", t.user(), "reason", "taken")),
                        ResellerOwnershipTest::whmOk, null),
                new Target("unsuspendacct", (as, t) -> whm(as, "unsuspendacct", Map.of("user", t.user())), ResellerOwnershipTest::whmOk,
                        null),
                new Target("modifyacct", (as, t) -> whm(as, "modifyacct", Map.of("user", t.user(), "contactemail", "taken@evil.example")),
                        ResellerOwnershipTest::whmOk, null),
                new Target("passwd", (as, t) -> whm(as, "passwd", Map.of("user", t.user(), "password", "taken-password-1")),
                        ResellerOwnershipTest::whmOk, null),
                new Target("changepackage", (as, t) -> whm(as, "changepackage", Map.of("user", t.user(), "pkg", PLAN)),
                        ResellerOwnershipTest::whmOk, null),
                new Target("set_cpanel_token_whitelist", (as, t) -> whm(as, "set_cpanel_token_whitelist", Map.of("user", t.user(),
                        "token_name", "t1", "whitelist_ip", "203.0.113.0/24")), ResellerOwnershipTest::whmOk, null),
                new Target("uapi_cpanel", (as, t) -> whm(as, "uapi_cpanel", Map.of("cpanel.user", t.user(), "cpanel.module", "Tokens",
                        "cpanel.function", "create_full_access", "name", "taken")),
                        body -> whmOk(body) && Fixtures.json(body).get("data").get("uapi").get("status").intValue() == 1, null),
                // a domain of the account: another's looks exactly like one that does not exist
                new Target("domainuserdata", (as, t) -> whm(as, "domainuserdata", Map.of("domain", t.account().domain())),
                        ResellerOwnershipTest::whmOk, body -> ("The domain “" + nobody.account().domain() + "” does not exist.")
                                .equals(Fixtures.json(body).get("metadata").get("reason").textValue())),
                new Target("listaccts", (as, t) -> whm(as, "listaccts", Map.of("search", "^" + t.user() + "$")),
                        body -> Fixtures.json(body).get("data").get("acct").size() == 1,
                        // not a refusal: an empty list, as for a name nobody has
                        body -> whmOk(body) && Fixtures.json(body).get("data").get("acct").isEmpty()),
                // /json-api/cpanel, cPanel API 2 (spec §10.2); the error is in cpanelresult.error
                new Target("/json-api/cpanel (API 2)", (as, t) -> jsonApi(as, Map.of("cpanel_jsonapi_user", t.user(),
                        "cpanel_jsonapi_apiversion", "2", "cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func", "displaycontactinfo")),
                        body -> !body.contains("\"error\""), jsonApiMissing(nobody)),
                // /json-api/cpanel with cpanel_jsonapi_apiversion=3: UAPI
                new Target("/json-api/cpanel (UAPI)", (as, t) -> jsonApi(as, Map.of("cpanel_jsonapi_user", t.user(),
                        "cpanel_jsonapi_apiversion", "3", "cpanel_jsonapi_module", "Tokens", "cpanel_jsonapi_func", "create_full_access",
                        "name", "taken3")), body -> body.contains("\"status\":1"), jsonApiMissing(nobody)),
                // last: they remove the reseller's own account in the control run
                new Target("removeacct", (as, t) -> whm(as, "removeacct", Map.of("username", t.user())), ResellerOwnershipTest::whmOk, null),
                new Target("removeacct", (as, t) -> whm(as, "removeacct", Map.of("user", t.user())), ResellerOwnershipTest::whmOk, null));
    }

    /**
     * Every other WHM API 1 function, and why it names no account a reseller could reach through it. With {@link #targets},
     * this covers the whole registry (checked below).
     */
    static final Map<String, String> NOT_ACCOUNT_TARGETS = Map.ofEntries(
            Map.entry("createacct", "names a new account; owner= other than oneself is root-level only (ResellerTest)"),
            Map.entry("addpkg", "packages, not accounts"),
            Map.entry("editpkg", "packages, not accounts"),
            Map.entry("killpkg", "packages, not accounts"),
            Map.entry("listpkgs", "packages, not accounts"),
            Map.entry("api_token_create", "the caller's own WHM tokens"),
            Map.entry("api_token_list", "the caller's own WHM tokens"),
            Map.entry("api_token_update", "the caller's own WHM tokens"),
            Map.entry("api_token_revoke", "the caller's own WHM tokens"),
            Map.entry("api_token_get_details", "the caller's own WHM tokens"),
            Map.entry("myprivs", "the caller itself"),
            Map.entry("create_user_session", "an account the caller may reach (AccountAccess)"),
            Map.entry("setupreseller", "root-level only (all), and all sees every account"),
            Map.entry("unsetupreseller", "root-level only (all)"),
            Map.entry("setacls", "root-level only (all)"),
            Map.entry("saveacllist", "root-level only (all); ACL lists, not accounts"),
            Map.entry("listacls", "root-level only (all); ACL lists, not accounts"),
            Map.entry("setsiteip", "root-level only (all): SiteIpTest checks a reseller is refused even on its own account"),
            Map.entry("listresellers", "root-level only (all)"),
            Map.entry("batch_create_cphulk_records", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("cphulk_status", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("create_cphulk_record", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("delete_cphulk_record", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("disable_cphulk", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("enable_cphulk", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("flush_cphulk_login_history", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("flush_cphulk_login_history_for_ips", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("get_cphulk_brutes", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("get_cphulk_excessive_brutes", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("get_cphulk_failed_logins", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("get_cphulk_user_brutes", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("read_cphulk_records", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("set_cphulk_config_key", "cPHulk, server-wide: root-level only (all)"),
            Map.entry("listresellerowned", "root-level only (all)"),
            Map.entry("version", "server-wide, no account"),
            Map.entry("gethostname", "server-wide, no account"),
            Map.entry("listips", "root-level only (all)"),
            Map.entry("listsuspended", "a list: WhmServerTest checks a reseller sees only its own accounts"),
            Map.entry("get_domain_info", "a list: WhmServerTest checks a reseller sees only its own accounts"),
            Map.entry("showbw", "a list: WhmServerTest checks a reseller sees only its own accounts"));

    @Test
    void theTableCoversEveryWhmFunction() {
        TreeSet<String> listed = new TreeSet<>(NOT_ACCOUNT_TARGETS.keySet());
        targets(new Account(new TestAccount("nobody", "pw", "none.example"), null)).stream().map(Target::function)
                .filter(f -> !f.startsWith("/")).forEach(listed::add);
        assertEquals(AclMatrixTest.aclsFromOpenApi().keySet(), listed);
    }

    /** What root sees of an account, and whether its password and its token t1 still work. */
    static String state(Account t) {
        String summary = Whm.json(asRoot(), "accountsummary", Map.of("user", t.user())).get("data").get("acct").toString();
        String rest = asRoot().get("/api/v1/accounts/" + t.user()).then().statusCode(200).extract().asString();
        String tokens = Whm.call(asRoot(), "uapi_cpanel", Map.of("cpanel.user", t.user(), "cpanel.module", "Tokens", "cpanel.function",
                "list"));
        int password = t.account().withPassword().get("/execute/Tokens/list").statusCode();
        int token = t.account().withToken(t.token()).get("/execute/Tokens/list").statusCode();
        return summary + "\n" + rest + "\n" + tokens + "\npassword " + password + "\ntoken " + token;
    }

    static Account withToken(TestAccount account) {
        return new Account(account, account.newToken("t1"));
    }

    static TestAccount ownedBy(String owner) {
        return ResellerTest.account("owner", owner);
    }

    @Test
    void aResellerReachesNoAccountItDoesNotOwn() {
        asRoot().contentType("application/json").body(Map.of("name", PLAN, "max_databases", 1)).post("/api/v1/plans")
                .then().statusCode(201);
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username(), "makeowner", "1")));
        // every privilege the calls need
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller.username(), "acl-acct-summary", "1",
                "acl-list-accts", "1", "acl-suspend-acct", "1", "acl-edit-account", "1", "acl-passwd", "1", "acl-upgrade-account", "1",
                "acl-kill-acct", "1", "acl-cpanel-api", "1")));
        TestAccount other = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", other.username(), "makeowner", "1")));

        Account rootOwned = withToken(Fixtures.newAccount());
        Account otherOwned = withToken(ownedBy(other.username()));
        String nobodyUser = "nx" + Fixtures.randomSuffix(10);
        Account nobody = new Account(new TestAccount(nobodyUser, "pw", nobodyUser + ".example"), null);
        String notMine = "X";

        for (Target target : targets(nobody)) {
            RequestSpecification as = given().auth().preemptive().basic(reseller.username(), reseller.password());
            String absent = target.call().apply(as, nobody);
            Predicate<String> answersMissing = target.answersMissing() == null ? whmMissing(nobody) : target.answersMissing();
            assertTrue(answersMissing.test(absent), target.function() + " on a name nobody has: " + absent);
            String expected = absent.replace(nobody.user(), notMine);

            for (Account foreign : List.of(rootOwned, otherOwned)) {
                boolean unsuspend = target.function().equals("unsuspendacct");
                if (unsuspend) {
                    assertEquals("OK", Whm.reason(asRoot(), "suspendacct", Map.of("user", foreign.user())));
                }
                String before = state(foreign);
                String answer = target.call().apply(given().auth().preemptive().basic(reseller.username(), reseller.password()), foreign);
                assertEquals(expected, answer.replace(foreign.user(), notMine), target.function() + " on " + foreign.user());
                assertEquals(before, state(foreign), target.function() + " changed " + foreign.user());
                if (unsuspend) {
                    assertEquals("OK", Whm.reason(asRoot(), "unsuspendacct", Map.of("user", foreign.user())));
                }
            }

            // The same call on an account the reseller owns goes through: the refusal above is about ownership.
            Account own = withToken(ownedBy(reseller.username()));
            if (target.function().equals("unsuspendacct")) {
                assertEquals("OK", Whm.reason(asRoot(), "suspendacct", Map.of("user", own.user())));
            }
            String before = state(own);
            String done = target.call().apply(given().auth().preemptive().basic(reseller.username(), reseller.password()), own);
            assertTrue(target.succeeded().test(done), target.function() + " on its own account: " + done);
            if (!List.of("accountsummary", "domainuserdata", "listaccts", "/json-api/cpanel (API 2)").contains(target.function())
                    && !target.function().equals("removeacct")) {
                assertTrue(!before.equals(state(own)), target.function() + " changed nothing on its own account either");
            }
        }
        // Nothing happened to the foreign accounts along the way: still there, with their owners.
        for (Account foreign : List.of(rootOwned, otherOwned)) {
            JsonNode acct = Whm.json(asRoot(), "accountsummary", Map.of("user", foreign.user())).get("data").get("acct").get(0);
            assertEquals(foreign == rootOwned ? "root" : other.username(), acct.get("owner").textValue());
        }
    }
}
