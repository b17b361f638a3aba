package dev.openuapi.whm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 15, "Done when": "The same steps work through API 1". FOSSBilling's lifecycle ({@link Whm0FossBillingTest}
 * replays its WHM API 0 requests) done through WHM API 1 ({@code /json-api/<function>?api.version=1}), authenticated as
 * FOSSBilling is, with a root WHM API token ({@code Authorization: whm root:TOKEN}), and each step's effect read back
 * through the API. API 1's argument names differ from API 0's where cPanel's reference says so (api.docs.cpanel.net,
 * WHM API 1): passwd {@code password} (API 0 {@code pass}), removeacct {@code username} (API 0 {@code user}), killpkg
 * {@code pkgname}. Every answer is API 1's envelope, success being {@code metadata.result} 1 with reason {@code OK}
 * (cPanel's examples, e.g. suspendacct: {@code {"metadata":{"command":"suspendacct","reason":"OK","result":1,"version":1}}}).
 */
@QuarkusTest
class Whm1LifecycleTest {

    private String token;

    /** The billing system's credential: a root WHM API token, made once per test. */
    private RequestSpecification billing() {
        if (token == null) {
            token = Whm.rootToken();
        }
        return Whm.withToken("root", token);
    }

    /** A WHM API 1 call as the billing system that must succeed ({@code metadata.result} 1, reason OK). */
    private JsonNode ok(String function, Map<String, ?> args) {
        return WhmChecks.ok(billing(), function, args);
    }

    /** A WHM API 1 call as the billing system that must fail; returns {@code metadata.reason}. */
    private String refused(String function, Map<String, ?> args) {
        JsonNode answer = Whm.json(billing(), function, args);
        assertEquals(0, answer.get("metadata").get("result").intValue(), function + " should fail: " + answer);
        return answer.get("metadata").get("reason").textValue();
    }

    /** accountsummary's acct[0]: cPanel's example {@code {"data":{"acct":[{"user":"example","domain":"example.com",…}]},…}}. */
    private JsonNode summary(String user) {
        JsonNode acct = ok("accountsummary", Map.of("user", user)).get("data").get("acct");
        assertEquals(1, acct.size(), acct.toString());
        return acct.get(0);
    }

    private static String newName() {
        return "hf" + Fixtures.randomSuffix(8);
    }

    /** addpkg with limits (WHM API 1 addpkg: name, quota, bwlimit, maxftp, maxsql, maxpop, maxsub, maxpark, maxaddon). */
    private String addPackage(int quota, int bwlimit) {
        String name = "hf" + Fixtures.randomSuffix(8);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("quota", quota);
        args.put("bwlimit", bwlimit);
        args.put("maxftp", 3);
        args.put("maxsql", 4);
        args.put("maxpop", 10);
        args.put("maxsub", 5);
        args.put("maxpark", 2);
        args.put("maxaddon", 1);
        ok("addpkg", args);
        return name;
    }

    /** createacct on a package (WHM API 1 createacct: username, domain, password, contactemail, plan, reseller). */
    private TestAccount createAccount(String plan, boolean reseller) {
        String user = newName();
        String domain = user + ".example";
        String password = "Pw-" + Fixtures.randomSuffix(14);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("username", user);
        args.put("domain", domain);
        args.put("password", password);
        args.put("contactemail", "client@" + domain);
        args.put("plan", plan);
        if (reseller) {
            args.put("reseller", 1);
        }
        ok("createacct", args);
        return new TestAccount(user, password, domain);
    }

    private TestAccount createAccount() {
        return createAccount(addPackage(1000, 10000), false);
    }

    /** removeacct with API 1's {@code username}, then accountsummary finds no such account. */
    private void remove(String user) {
        ok("removeacct", Map.of("username", user));
        // OpenUAPI's own wording; cPanel's accountsummary says "Account does not exist." (see WhmAccountsTest)
        assertEquals("The account “" + user + "” does not exist.", refused("accountsummary", Map.of("user", user)));
    }

    private static void tokenWorks(TestAccount account, String token) {
        WhmChecks.uapiOk(account.withToken(token), "/execute/Tokens/list");
    }

    private static void tokenRefused(TestAccount account, String token) {
        account.withToken(token).get("/execute/Tokens/list").then().statusCode(401);
    }

    @Test
    void theLifecycle() {
        // create a package with limits, an account on it, and synchronise it
        String plan = addPackage(1000, 10000);
        JsonNode listed = null;
        for (JsonNode p : ok("listpkgs", Map.of()).get("data").get("pkg")) {
            if (plan.equals(p.get("name").textValue())) {
                listed = p;
            }
        }
        assertNotNull(listed, plan + " is listed");
        assertEquals("1000", listed.get("QUOTA").asText());
        assertEquals("10000", listed.get("BWLIMIT").asText());
        assertEquals("3", listed.get("MAXFTP").asText());
        assertEquals("4", listed.get("MAXSQL").asText());
        assertEquals("10", listed.get("MAXPOP").asText());
        assertEquals("5", listed.get("MAXSUB").asText());
        assertEquals("2", listed.get("MAXPARK").asText());
        assertEquals("1", listed.get("MAXADDON").asText());
        TestAccount account = createAccount(plan, false);
        String user = account.username();
        WhmChecks.passwordLogsIn(user, account.password());
        String accountToken = account.newToken();

        JsonNode acct = summary(user);
        assertEquals(user, acct.get("user").textValue());
        assertEquals(account.domain(), acct.get("domain").textValue());
        assertEquals(plan, acct.get("plan").textValue());
        assertEquals("client@" + account.domain(), acct.get("email").textValue());
        assertEquals(0, acct.get("suspended").intValue());
        assertFalse(acct.get("ip").textValue().isEmpty());
        assertEquals(List.of(user), Whm.names(ok("listaccts", Map.of("search", "^" + user + "$")).get("data").get("acct"), "user"));

        // suspend: the password and the account's token are refused; unsuspend: both work again
        ok("suspendacct", Map.of("user", user, "reason", "Overdue invoice"));
        assertEquals(1, summary(user).get("suspended").intValue());
        WhmChecks.passwordRefused(user, account.password());
        tokenRefused(account, accountToken);
        assertTrue(ok("listsuspended", Map.of()).get("data").get("account").toString().contains("\"Overdue invoice\""));
        ok("unsuspendacct", Map.of("user", user));
        assertEquals(0, summary(user).get("suspended").intValue());
        WhmChecks.passwordLogsIn(user, account.password());
        tokenWorks(account, accountToken);

        // change the package
        String plan2 = addPackage(5000, 50000);
        ok("changepackage", Map.of("user", user, "pkg", plan2));
        assertEquals(plan2, summary(user).get("plan").textValue());
        // the first package is used by no account now: killpkg (API 1's pkgname) deletes it
        ok("killpkg", Map.of("pkgname", plan));
        assertFalse(Whm.names(ok("listpkgs", Map.of()).get("data").get("pkg"), "name").contains(plan));

        // change the password (API 1's argument is password, not API 0's pass)
        String newPassword = "Pw2-" + Fixtures.randomSuffix(14);
        ok("passwd", Map.of("user", user, "password", newPassword));
        WhmChecks.passwordLogsIn(user, newPassword);
        WhmChecks.passwordRefused(user, account.password());

        // remove
        remove(user);
        assertEquals(0, ok("listaccts", Map.of("search", "^" + user + "$")).get("data").get("acct").size());
        WhmChecks.passwordRefused(user, newPassword);
        ok("killpkg", Map.of("pkgname", plan2));
    }

    @Test
    void renameTheAccount() {
        TestAccount account = createAccount();
        String accountToken = account.newToken("billing");
        String newUser = newName();

        ok("modifyacct", Map.of("user", account.username(), "newuser", newUser));

        JsonNode acct = summary(newUser);
        assertEquals(newUser, acct.get("user").textValue());
        assertEquals(account.domain(), acct.get("domain").textValue(), "the domain stays");
        refused("accountsummary", Map.of("user", account.username()));
        WhmChecks.passwordLogsIn(newUser, account.password());
        WhmChecks.passwordRefused(account.username(), account.password());
        TestAccount renamed = new TestAccount(newUser, account.password(), account.domain());
        tokenWorks(renamed, accountToken);
        tokenRefused(account, accountToken);
        remove(newUser);
    }

    @Test
    void changeTheDomain() {
        TestAccount account = createAccount();
        String accountToken = account.newToken();
        String newDomain = "renamed-" + account.domain();

        ok("modifyacct", Map.of("user", account.username(), "domain", newDomain));

        assertEquals(newDomain, summary(account.username()).get("domain").textValue());
        // WHM API 1 get_domain_info: the new main domain is listed as the account's main domain, the old one not at all
        JsonNode domains = ok("get_domain_info", Map.of()).get("data").get("domains");
        boolean main = false;
        for (JsonNode d : domains) {
            assertNotEquals(account.domain(), d.get("domain").textValue(), "the old domain is gone: " + d);
            main |= newDomain.equals(d.get("domain").textValue()) && "main".equals(d.get("domain_type").textValue())
                    && account.username().equals(d.get("user").textValue());
        }
        assertTrue(main, newDomain + " is the main domain: " + domains);
        // UAPI DomainInfo::list_domains as the account: main_domain is the new one
        JsonNode listed = Uapi.success(account.withToken(accountToken).get("/execute/DomainInfo/list_domains").then().statusCode(200)
                .extract().asString()).get("data");
        assertEquals(newDomain, listed.get("main_domain").textValue(), listed.toString());
        assertFalse(listed.toString().contains("\"" + account.domain() + "\""), listed.toString());
        remove(account.username());
    }

    @Test
    void changeTheIp() {
        TestAccount account = createAccount();
        String current = summary(account.username()).get("ip").textValue();
        // One of the server's further addresses (listips, not the main one) that the account does not use; a free one when
        // there is one (SiteIpTest: the test profile's further addresses are 192.0.2.11-13).
        String newIp = null;
        for (JsonNode row : ok("listips", Map.of()).get("data").get("ip")) {
            String ip = row.get("ip").textValue();
            if (row.get("mainaddr").intValue() == 0 && !ip.equals(current) && (newIp == null || row.get("used").intValue() == 0)) {
                newIp = ip;
            }
        }
        assertNotNull(newIp, "listips lists a further address");

        ok("setsiteip", Map.of("user", account.username(), "ip", newIp));

        assertEquals(newIp, summary(account.username()).get("ip").textValue());
        JsonNode row = SiteIpTest.listed(newIp);
        assertEquals(1, row.get("used").intValue(), row.toString());
        // an address of no server's is refused
        assertEquals("“198.51.100.9” is not an IP address of this server: use one that listips lists.",
                refused("setsiteip", Map.of("user", account.username(), "ip", "198.51.100.9")));
        assertEquals(newIp, summary(account.username()).get("ip").textValue());
        remove(account.username());
    }

    @Test
    void createAResellerWithAnAclList() {
        String acllist = "hf" + Fixtures.randomSuffix(8);
        ok("saveacllist", Map.of("acllist", acllist, "acl-list-accts", "1", "acl-create-acct", "1"));
        assertEquals(1, AclListsTest.listed(acllist).get("list-accts").intValue());

        TestAccount reseller = createAccount(addPackage(1000, 10000), true);
        JsonNode resellers = ok("listresellers", Map.of()).get("data").get("reseller");
        assertTrue(resellers.toString().contains("\"" + reseller.username() + "\""), resellers.toString());
        ok("setacls", Map.of("reseller", reseller.username(), "acllist", acllist));

        // myprivs as the reseller: the list's privileges, and nothing else
        JsonNode privileges = WhmChecks.ok(reseller.withPassword(), "myprivs", Map.of()).get("data").get("privileges").get(0);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(1, privileges.get("create-acct").intValue());
        assertEquals(0, privileges.get("kill-acct").intValue());
        assertEquals(0, privileges.get("all").intValue());
        // an unknown list is an error, and the reseller keeps its privileges
        String unknown = "hf" + Fixtures.randomSuffix(8);
        assertEquals("The ACL list “" + unknown + "” does not exist.",
                refused("setacls", Map.of("reseller", reseller.username(), "acllist", unknown)));
        assertEquals(privileges, WhmChecks.ok(reseller.withPassword(), "myprivs", Map.of()).get("data").get("privileges").get(0));
        remove(reseller.username());
    }
}
