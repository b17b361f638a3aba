package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import dev.openuapi.support.Whm0;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * FOSSBilling's cPanel server manager, replayed (issue 15, "Done when"): the exact requests of
 * {@code src/library/Server/Manager/Whm.php} in the public repository FOSSBilling/FOSSBilling (commit 0098ef96),
 * and after each step its effect, read back through the API.
 *
 * <p>What Whm.php sends: {@code POST https://host:2087/json-api/<action>} with {@code Authorization: WHM
 * user:accesshash} and the arguments as a form body (Symfony HttpClient, {@code 'body' => $params}: PHP's
 * form encoding, so {@code true} is sent as 1, {@code 0} as 0 and {@code null} not at all), never {@code api.version}:
 * WHM API 0. Package names are the server's username, an underscore and FOSSBilling's package name
 * ({@code getPackageName}). {@link #request} applies Whm.php's own checks to every answer ({@code request()}: no
 * {@code cpanelresult.error}, no {@code data.result} 0, no {@code result[0].status} 0, no {@code status} other than
 * 1), so a step that FOSSBilling would report as failed fails here.
 */
@QuarkusTest
class Whm0FossBillingTest {

    /** The server's username in FOSSBilling's configuration: root, with a WHM API token as the access hash. */
    private static final String SERVER_USER = "root";

    private String accessHash;

    /** FOSSBilling's "Access hash": a root WHM API token, made once per test. */
    private String accessHash() {
        if (accessHash == null) {
            accessHash = Whm.rootToken();
        }
        return accessHash;
    }

    /**
     * {@code Server_Manager_Whm::request($action, $params)}: the request and the checks Whm.php makes of the answer.
     * Returns the decoded answer, as Whm.php does.
     */
    private JsonNode request(String action, Map<String, ?> params) {
        JsonNode json = Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), action, params);
        if (!json.isObject()) {
            fail(action + ": the answer is not an object: " + json);
        }
        if (json.has("cpanelresult") && json.get("cpanelresult").has("error")) {
            fail(action + ": cpanelresult.error: " + json);
        }
        if (json.has("data") && json.get("data").has("result") && "0".equals(json.get("data").get("result").asText())) {
            fail(action + ": data.result 0: " + json);
        }
        if (json.has("result") && json.get("result").isArray() && json.get("result").get(0).get("status").asInt() == 0) {
            fail(action + ": result[0].status 0: " + json);
        }
        if (json.has("status") && !"1".equals(json.get("status").asText())) {
            fail(action + ": status " + json.get("status") + ": " + json);
        }
        return json;
    }

    private JsonNode request(String action) {
        return request(action, Map.of());
    }

    /** {@code checkPackageExists($package, true)}: listpkgs, and addpkg when the package is not there. */
    private String checkPackageExists(String fossName, int quota, int bandwidth) {
        String name = SERVER_USER + "_" + fossName; // getPackageName()
        boolean exists = false;
        for (JsonNode p : request("listpkgs").get("package")) {
            if (name.equals(p.get("name").asText())) {
                exists = true;
                break;
            }
        }
        if (!exists) {
            // FOSSBilling's custom values cgi, cpmod, maxlst and hasshell are null unless the administrator set them:
            // PHP's form encoding leaves null values out, so they are not sent here.
            Map<String, Object> varHash = new LinkedHashMap<>();
            varHash.put("name", name);
            varHash.put("quota", quota);
            varHash.put("bwlimit", bandwidth);
            varHash.put("maxsub", 5);
            varHash.put("maxpark", 2);
            varHash.put("maxaddon", 1);
            varHash.put("maxftp", 3);
            varHash.put("maxsql", 4);
            varHash.put("maxpop", 10);
            request("addpkg", varHash);
        }
        return name;
    }

    /** {@code createAccount($account)}: the package, then createacct; returns the package's name on the server. */
    private String createAccount(String username, String domain, String password, String email, String fossPackage, boolean reseller,
            String acllist) {
        String plan = checkPackageExists(fossPackage, 1000, 10000);
        Map<String, Object> varHash = new LinkedHashMap<>();
        varHash.put("username", username);
        varHash.put("domain", domain);
        varHash.put("password", password);
        varHash.put("contactemail", email);
        varHash.put("plan", plan);
        varHash.put("useregns", 0);
        if (reseller) {
            varHash.put("reseller", 1);
        }
        JsonNode json = request("createacct", varHash);
        assertEquals(1, json.get("result").get(0).get("status").asInt(), "Whm.php: $json->result[0]->status == 1");
        if (reseller) {
            request("setupreseller", Map.of("user", username, "makeowner", 0));
            request("setacls", Map.of("reseller", username, "acllist", acllist));
        }
        return plan;
    }

    /** {@code synchronizeAccount($account)}: accountsummary, and the four fields Whm.php copies from acct[0]. */
    private JsonNode synchronizeAccount(String username) {
        JsonNode result = request("accountsummary", Map.of("user", username));
        assertTrue(result.get("acct").has(0), "Whm.php: isset($result->acct[0]) for " + username + ": " + result);
        JsonNode acc = result.get("acct").get(0);
        for (String field : List.of("suspended", "domain", "user", "ip")) {
            assertTrue(acc.has(field), "acct[0]." + field);
        }
        return acc;
    }

    private static void logsIn(String user, String password) {
        WhmChecks.passwordLogsIn(user, password);
    }

    private static void cannotLogIn(String user, String password) {
        WhmChecks.passwordRefused(user, password);
    }

    private static String newName() {
        return "fb" + Fixtures.randomSuffix(6);
    }

    @Test
    void theLifecycle() {
        // testConnection()
        assertTrue(request("version").get("version").isTextual());

        // createAccount(): a package of its own, then the account on it.
        String username = newName();
        String domain = username + ".example";
        String password = "Pw-" + Fixtures.randomSuffix(14);
        String fossPackage = "basic" + Fixtures.randomSuffix(5);
        String plan = createAccount(username, domain, password, "client@" + domain, fossPackage, false, null);
        JsonNode listed = null;
        for (JsonNode p : request("listpkgs").get("package")) { // getPackages() reads these fields of each package
            if (plan.equals(p.get("name").asText())) {
                listed = p;
            }
        }
        assertTrue(listed != null, plan + " is listed");
        assertEquals("1000", listed.get("QUOTA").asText());
        assertEquals("10000", listed.get("BWLIMIT").asText());
        assertEquals("3", listed.get("MAXFTP").asText());
        assertEquals("4", listed.get("MAXSQL").asText());
        assertEquals("5", listed.get("MAXSUB").asText());
        assertEquals("10", listed.get("MAXPOP").asText());
        assertEquals("2", listed.get("MAXPARK").asText());
        assertEquals("1", listed.get("MAXADDON").asText());
        logsIn(username, password);

        // synchronizeAccount()
        JsonNode acc = synchronizeAccount(username);
        assertEquals(username, acc.get("user").asText());
        assertEquals(domain, acc.get("domain").asText());
        assertEquals(0, acc.get("suspended").asInt());
        assertFalse(acc.get("ip").asText().isEmpty());
        assertEquals(plan, acc.get("plan").asText());
        assertEquals("client@" + domain, acc.get("email").asText());
        assertEquals(List.of(username), Whm.names(WhmChecks.ok(asRoot(), "listaccts", Map.of("search", "^" + username + "$"))
                .get("data").get("acct"), "user"), "WHM API 1 sees the same account");

        // suspendAccount(), unsuspendAccount()
        request("suspendacct", Map.of("user", username, "reason", "Overdue invoice"));
        assertEquals(1, synchronizeAccount(username).get("suspended").asInt());
        cannotLogIn(username, password);
        JsonNode suspended = WhmChecks.ok(asRoot(), "listsuspended", Map.of()).get("data").get("account");
        assertTrue(suspended.toString().contains("\"Overdue invoice\""), "the reason is kept: " + suspended);
        request("unsuspendacct", Map.of("user", username));
        assertEquals(0, synchronizeAccount(username).get("suspended").asInt());
        logsIn(username, password);

        // changeAccountPackage(): a second package, created on the way, then changepackage.
        String plan2 = checkPackageExists("pro" + Fixtures.randomSuffix(5), 5000, 50000);
        request("changepackage", Map.of("user", username, "pkg", plan2));
        assertEquals(plan2, synchronizeAccount(username).get("plan").asText());
        assertEquals(plan2, WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", username)).get("data").get("acct").get(0)
                .get("plan").asText());

        // changeAccountPassword(): pass, db_pass_update true (sent as 1); Whm.php checks passwd[0].status.
        String newPassword = "Pw2-" + Fixtures.randomSuffix(14);
        JsonNode passwd = request("passwd", Map.of("user", username, "pass", newPassword, "db_pass_update", 1));
        assertEquals(1, passwd.get("passwd").get(0).get("status").asInt(), passwd.toString());
        logsIn(username, newPassword);
        cannotLogIn(username, password);

        // cancelAccount()
        request("removeacct", Map.of("user", username, "keepdns", 0));
        JsonNode gone = Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), "accountsummary", Map.of("user", username));
        assertEquals(0, gone.get("status").asInt(), "synchronizeAccount finds no account: " + gone);
        assertEquals(0, WhmChecks.ok(asRoot(), "listaccts", Map.of("search", "^" + username + "$")).get("data").get("acct").size());
        cannotLogIn(username, newPassword);
    }

    @Test
    void aFailedStepIsReportedAsFossBillingReadsIt() {
        // changeAccountPassword() throws Server_Exception($result->passwd[0]->statusmsg) when passwd[0].status is 0.
        JsonNode passwd = Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), "passwd",
                Map.of("user", "nosuch" + Fixtures.randomSuffix(6), "pass", "Pw-" + Fixtures.randomSuffix(12), "db_pass_update", 1));
        assertEquals(0, passwd.get("passwd").get(0).get("status").asInt(), passwd.toString());
        assertFalse(passwd.get("passwd").get(0).get("statusmsg").asText().isEmpty());
        // request() throws when result[0].status is 0 (createacct of a taken username, say).
        String username = newName();
        createAccount(username, username + ".example", "Pw-" + Fixtures.randomSuffix(14), "c@" + username + ".example",
                "basic" + Fixtures.randomSuffix(5), false, null);
        JsonNode again = Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), "createacct", Map.of("username", username, "domain",
                "other-" + username + ".example", "password", "Pw-" + Fixtures.randomSuffix(14), "useregns", 0));
        assertEquals(0, again.get("result").get(0).get("status").asInt(), again.toString());
        request("removeacct", Map.of("user", username, "keepdns", 0));
    }

    @Test
    void renameTheAccount() {
        String username = newName();
        String password = "Pw-" + Fixtures.randomSuffix(14);
        createAccount(username, username + ".example", password, "c@" + username + ".example", "basic" + Fixtures.randomSuffix(5), false,
                null);
        String token = given().auth().preemptive().basic(username, password).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "billing")).post("/api/v1/tokens").then().statusCode(201).extract().path("token");

        // changeAccountUsername()
        String newUsername = newName();
        request("modifyacct", Map.of("user", username, "newuser", newUsername));

        JsonNode acc = synchronizeAccount(newUsername);
        assertEquals(newUsername, acc.get("user").asText());
        assertEquals(username + ".example", acc.get("domain").asText());
        assertEquals(0, Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), "accountsummary", Map.of("user", username)).get("status").asInt(),
                "the old name is gone");
        logsIn(newUsername, password);
        WhmChecks.uapiOk(given().header("Authorization", "cpanel " + newUsername + ":" + token), "/execute/Tokens/list");
        request("removeacct", Map.of("user", newUsername, "keepdns", 0));
    }

    @Test
    void changeTheDomain() {
        String username = newName();
        createAccount(username, username + ".example", "Pw-" + Fixtures.randomSuffix(14), "c@" + username + ".example",
                "basic" + Fixtures.randomSuffix(5), false, null);

        // changeAccountDomain()
        String newDomain = "renamed-" + username + ".example";
        request("modifyacct", Map.of("user", username, "domain", newDomain));

        assertEquals(newDomain, synchronizeAccount(username).get("domain").asText());
        JsonNode domains = WhmChecks.ok(asRoot(), "get_domain_info", Map.of()).get("data").get("domains");
        assertTrue(domains.toString().contains("\"" + newDomain + "\""), "the new main domain is served: " + domains);
        assertFalse(domains.toString().contains("\"" + username + ".example\""), "the old one is not");
        request("removeacct", Map.of("user", username, "keepdns", 0));
    }

    @Test
    void changeTheIp() {
        String username = newName();
        String domain = username + ".example";
        createAccount(username, domain, "Pw-" + Fixtures.randomSuffix(14), "c@" + domain, "basic" + Fixtures.randomSuffix(5), false, null);
        String current = synchronizeAccount(username).get("ip").asText();
        // An address the server lists that the account does not use yet; else one from TEST-NET-2 (RFC 5737). At merge: the
        // setsiteip branch decides which addresses it accepts (an address of the server's, perhaps added first).
        String newIp = "198.51.100.7";
        for (JsonNode ip : WhmChecks.ok(asRoot(), "listips", Map.of()).get("data").get("ip")) {
            if (!current.equals(ip.get("ip").asText())) {
                newIp = ip.get("ip").asText();
            }
        }

        // changeAccountIp()
        request("setsiteip", Map.of("domain", domain, "ip", newIp));

        assertEquals(newIp, synchronizeAccount(username).get("ip").asText());
        assertNotEquals(current, newIp);
        boolean used = false;
        for (JsonNode ip : WhmChecks.ok(asRoot(), "listips", Map.of()).get("data").get("ip")) {
            used |= newIp.equals(ip.get("ip").asText()) && ip.get("used").asInt() == 1;
        }
        assertTrue(used, "listips shows " + newIp + " in use");
        request("removeacct", Map.of("user", username, "keepdns", 0));
    }

    @Test
    void createAResellerWithAnAclList() {
        // The administrator saved an ACL list in WHM beforehand; FOSSBilling's package names it (getAcllist()).
        String acllist = "fb" + Fixtures.randomSuffix(6);
        WhmChecks.ok(asRoot(), "saveacllist", Map.of("acllist", acllist, "acl-list-accts", "1", "acl-create-acct", "1"));
        JsonNode lists = request("listacls"); // WHM API 0: {"acls":{"name":{"list-accts":1,…}}}
        assertEquals(1, lists.get("acls").get(acllist).get("list-accts").asInt(), lists.toString());

        // createAccount() for a reseller package: createacct reseller=1, setupreseller makeowner=0, setacls acllist.
        String username = newName();
        String password = "Pw-" + Fixtures.randomSuffix(14);
        createAccount(username, username + ".example", password, "c@" + username + ".example", "reseller" + Fixtures.randomSuffix(5), true,
                acllist);

        assertTrue(WhmChecks.ok(asRoot(), "listresellers", Map.of()).get("data").get("reseller").toString().contains("\"" + username + "\""));
        JsonNode privileges = WhmChecks.ok(given().auth().preemptive().basic(username, password), "myprivs", Map.of()).get("data")
                .get("privileges").get(0);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(1, privileges.get("create-acct").intValue());
        assertEquals(0, privileges.get("kill-acct").intValue());
        // An unknown list is an error (issue 15 §2), which request() reports as FOSSBilling does.
        JsonNode unknown = Whm0.json(Whm0.withToken(SERVER_USER, accessHash()), "setacls", Map.of("reseller", username, "acllist",
                "nosuch" + Fixtures.randomSuffix(6)));
        assertEquals(0, unknown.get("result").get(0).get("status").asInt(), unknown.toString());
        request("removeacct", Map.of("user", username, "keepdns", 0));
    }
}
