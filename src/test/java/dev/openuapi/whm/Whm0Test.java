package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import dev.openuapi.support.Whm0;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 0 (issue 15 §1): {@code /json-api/<function>} without {@code api.version}, per function, with API 0's
 * argument names and answer shapes. Each test names the cPanel example it compares with; src/docs/whm-api-0.md
 * lists them all.
 */
@QuarkusTest
class Whm0Test {

    private static RequestSpecification root() {
        return Whm0.withToken("root", Whm.rootToken());
    }

    private static String call(String function, Map<String, ?> args) {
        return Whm0.call(root(), function, args);
    }

    private static JsonNode json(String function, Map<String, ?> args) {
        return Whm0.json(root(), function, args);
    }

    private static JsonNode summary(String user) {
        return WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", user)).get("data").get("acct").get(0);
    }

    /** A new account on no package (WHM API 0 createacct), its username. */
    private static String newAccount(String password) {
        String user = Fixtures.uniqueUsername();
        JsonNode created = json("createacct", Map.of("username", user, "domain", user + ".example", "password", password));
        assertEquals(1, created.get("result").get(0).get("status").intValue(), created.toString());
        return user;
    }

    @Test
    void versionAndHostnameAreTheDataItself() {
        // cPanel, WHM API 0 "version" (twiki DisplaycPanelWHMVersion; whmapi0 version): {"version":"11.52.0.8"}.
        JsonNode version = json("version", Map.of());
        assertEquals(List.of("version"), List.copyOf(fieldNames(version)));
        assertEquals(Whm.json(asRoot(), "version", Map.of()).get("data").get("version"), version.get("version"),
                "the same function as WHM API 1's version");
        // cPanel, WHM API 0 "gethostname" (twiki DisplayServerHostname): {"hostname":"hostname.example.com"}.
        JsonNode hostname = json("gethostname", Map.of());
        assertEquals(List.of("hostname"), List.copyOf(fieldNames(hostname)));
        assertEquals(Whm.json(asRoot(), "gethostname", Map.of()).get("data").get("hostname"), hostname.get("hostname"));
    }

    @Test
    void apiVersionZeroIsApi0AndAnyOtherIsApi1() {
        assertEquals(List.of("version"), List.copyOf(fieldNames(Whm0.json(root().queryParam("api.version", "0"), "version", Map.of()))));
        // Public clients call create_user_session?api.version=2 and read data.url (WHM API 1's answer): 2 is WHM API 1.
        JsonNode two = Fixtures.json(root().queryParam("api.version", "2").get("/json-api/version").then().statusCode(200).extract().asString());
        assertEquals(1, two.get("metadata").get("result").intValue(), two.toString());
        assertEquals(1, two.get("metadata").get("version").intValue());
        assertTrue(two.get("data").get("version").isTextual());
    }

    @Test
    void anUnknownAppIsRefusedAsCpanelsApi0DispatcherRefusesIt() {
        // cPanel's WHM API 0 dispatcher (Whostmgr find_api): "Unknown app ($app) requested for this version (0) of the API.",
        // in cpsrvd's error body, as for a failed login (spec §2.5). A WHM API 1-only function (listips) is unknown to API 0 too.
        for (String function : List.of("no_such_function", "listips")) {
            String reason = "Unknown app (" + function + ") requested for this version (0) of the API.";
            assertEquals("{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"" + reason + "\",\"data\":{\"reason\":\"" + reason
                    + "\",\"result\":\"0\"},\"type\":\"text\"}}\n", call(function, Map.of()));
        }
    }

    @Test
    void packages() {
        String name = "p0" + Fixtures.randomSuffix(8);
        // cPanel XMLAPI addpkg (cpanel.net/plugins/xmlapi/addpkg.html): <addpkg><result pkg=… status=1 statusmsg=…/>.
        assertEquals("{\"result\":[{\"pkg\":\"" + name + "\",\"status\":1,\"statusmsg\":\"Created the package " + name + "\"}]}\n",
                call("addpkg", Map.of("name", name, "quota", "500", "maxpop", "5")));
        // cPanel XMLAPI listpkgs / Whm.php getPackages(): {"package":[{"name":…,"QUOTA":…,"MAXPOP":…}]}.
        JsonNode listed = json("listpkgs", Map.of());
        assertEquals(List.of("package"), List.copyOf(fieldNames(listed)));
        JsonNode row = findByName(listed.get("package"), name);
        assertEquals("500", row.get("QUOTA").textValue());
        assertEquals("5", row.get("MAXPOP").textValue());
        assertEquals(Whm.json(asRoot(), "listpkgs", Map.of()).get("data").get("pkg"), listed.get("package"), "WHM API 1's rows");

        assertEquals("{\"result\":[{\"pkg\":\"" + name + "\",\"status\":1,\"statusmsg\":\"Modified the package " + name + "\"}]}\n",
                call("editpkg", Map.of("name", name, "quota", "600")));
        assertEquals("600", findByName(json("listpkgs", Map.of()).get("package"), name).get("QUOTA").textValue());

        // cPanel XMLAPI killpkg (cpanel.net/plugins/xmlapi/killpkg.html): /xml-api/killpkg?pkg=ben →
        // <result status="1" statusmsg="The package was successfully deleted."/>. API 0's argument is pkg (API 1: pkgname).
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"The package was successfully deleted.\"}]}\n",
                call("killpkg", Map.of("pkg", name)));
        assertTrue(Whm.names(json("listpkgs", Map.of()).get("package"), "name").stream().noneMatch(name::equals));
        // A failure in the same shape, status 0 (Whm.php reads result[0].status and result[0].statusmsg).
        JsonNode again = json("killpkg", Map.of("pkg", name));
        assertEquals(0, again.get("result").get(0).get("status").intValue(), again.toString());
        assertFalse(again.get("result").get(0).get("statusmsg").textValue().isEmpty());
        // A missing required argument is named as API 0 names it.
        assertEquals("{\"result\":[{\"status\":0,\"statusmsg\":\"Provide the “pkg” argument.\"}]}\n", call("killpkg", Map.of()));
    }

    @Test
    void createacctAnswersAccountCreationOkWithItsOptions() {
        String user = Fixtures.uniqueUsername();
        String domain = user + ".example";
        // cPanel, WHM API 0 createacct (twiki CreateAccount): {"result":[{"options":{"ip":…,"nameserver":…,"package":…},
        // "rawout":…,"status":1,"statusmsg":"Account Creation Ok"}]}. OpenUAPI's options are WHM API 1 createacct's data.
        JsonNode created = json("createacct", Map.of("username", user, "domain", domain, "password", "pw-" + Fixtures.randomSuffix(12),
                "contactemail", "owner@" + domain));
        JsonNode entry = created.get("result").get(0);
        assertEquals(1, entry.get("status").intValue(), created.toString());
        assertEquals("Account Creation Ok", entry.get("statusmsg").textValue());
        assertEquals(user, entry.get("options").get("user").textValue());
        assertEquals(domain, entry.get("options").get("domain").textValue());
        assertEquals("default", entry.get("options").get("package").textValue());
        assertEquals("owner@" + domain, summary(user).get("email").textValue());

        JsonNode twice = json("createacct", Map.of("username", user, "domain", domain, "password", "pw-" + Fixtures.randomSuffix(12)));
        assertEquals(0, twice.get("result").get(0).get("status").intValue(), twice.toString());
    }

    @Test
    void accountsummaryAndListacctsAnswerAcctWithAStatus() {
        String user = newAccount("pw-" + Fixtures.randomSuffix(12));
        // cPanel, "WHM API 0 - Return Data": accountsummary answers {"acct":[{…,"user":"username",…}],"statusmsg":"Ok","status":1}.
        JsonNode summary = json("accountsummary", Map.of("user", user));
        assertEquals(List.of("acct", "status", "statusmsg"), List.copyOf(fieldNames(summary)));
        assertEquals(1, summary.get("status").intValue());
        assertEquals("Ok", summary.get("statusmsg").textValue());
        JsonNode acct = summary.get("acct").get(0);
        assertEquals(user, acct.get("user").textValue());
        assertEquals(user + ".example", acct.get("domain").textValue());
        assertEquals(0, acct.get("suspended").intValue());
        assertTrue(acct.get("ip").isTextual(), "Whm.php synchronizeAccount reads acct[0].ip");

        JsonNode listed = json("listaccts", Map.of("search", "^" + user + "$", "searchtype", "user"));
        assertEquals(1, listed.get("status").intValue());
        assertEquals(List.of(user), Whm.names(listed.get("acct"), "user"));

        JsonNode missing = json("accountsummary", Map.of("user", "nosuch" + Fixtures.randomSuffix(6)));
        assertEquals(0, missing.get("status").intValue(), missing.toString());
        assertEquals(0, missing.get("acct").size());
        assertFalse(missing.get("statusmsg").textValue().isEmpty());
    }

    @Test
    void suspendUnsuspendChangepackageModifyacctRemoveacct() {
        String user = newAccount("pw-" + Fixtures.randomSuffix(12));
        // cPanel XMLAPI suspendacct (twiki SuspendAccount): {"result":[{"status":1,"statusmsg":"…user123's account has been suspended\n"}]}.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"" + user + "'s account has been suspended\"}]}\n",
                call("suspendacct", Map.of("user", user, "reason", "unpaid")));
        assertEquals(1, summary(user).get("suspended").intValue());
        // cPanel's unsuspendacct output ends "<user>'s account is now active" (WHM API 0 unsuspendreseller's example output).
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"" + user + "'s account is now active\"}]}\n",
                call("unsuspendacct", Map.of("user", user)));
        assertEquals(0, summary(user).get("suspended").intValue());

        String plan = "p0" + Fixtures.randomSuffix(8);
        WhmChecks.ok(asRoot(), "addpkg", Map.of("name", plan));
        // cPanel XMLAPI changepackage: <result status="1" statusmsg="Account Upgrade/Downgrade Complete for bob"/>.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"Account Upgrade/Downgrade Complete for " + user + "\"}]}\n",
                call("changepackage", Map.of("user", user, "pkg", plan)));
        assertEquals(plan, summary(user).get("plan").textValue());

        // cPanel XMLAPI modifyacct: {"result":[{"status":1,"statusmsg":"Account Modified",…}]}.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"Account Modified\"}]}\n",
                call("modifyacct", Map.of("user", user, "contactemail", "new@" + user + ".example")));
        assertEquals("new@" + user + ".example", summary(user).get("email").textValue());

        // cPanel XMLAPI removeacct (twiki TerminateAccount, xmlapi.php removeacct(user, keepdns)):
        // <result status="1" statusmsg="bob account removed"/>. API 0's argument is user.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"" + user + " account removed\"}]}\n",
                call("removeacct", Map.of("user", user, "keepdns", "0")));
        assertEquals(0, json("listaccts", Map.of("search", "^" + user + "$")).get("acct").size());
        assertEquals(0, json("suspendacct", Map.of("user", user)).get("result").get(0).get("status").intValue());
    }

    @Test
    void passwdTakesPassAndAnswersPasswd() {
        String user = newAccount("old-" + Fixtures.randomSuffix(12));
        String password = "new-" + Fixtures.randomSuffix(12);
        // cPanel, WHM API 0 passwd: /json-api/passwd?user=username&pass=12345luggage →
        // {"passwd":[{"statusmsg":"Password changed for user “username”.","services":[…],"rawout":…,"status":1}]}.
        assertEquals("{\"passwd\":[{\"status\":1,\"statusmsg\":\"Password changed for user “" + user + "”.\"}]}\n",
                call("passwd", Map.of("user", user, "pass", password, "db_pass_update", "1")));
        WhmChecks.uapiOk(given().auth().preemptive().basic(user, password), "/execute/Tokens/list");
        // Failure: the same shape, status 0, as Whm.php's changeAccountPassword reads it; pass is named as API 0 names it.
        assertEquals("{\"passwd\":[{\"status\":0,\"statusmsg\":\"Provide the “pass” argument.\"}]}\n", call("passwd", Map.of("user", user)));
    }

    @Test
    void resellers() {
        String password = "pw-" + Fixtures.randomSuffix(12);
        String user = newAccount(password);
        // cPanel XMLAPI setupreseller (cpanel.net/plugins/xmlapi/setupreseller.html): <result status="1" statusmsg=""/>.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"\"}]}\n", call("setupreseller", Map.of("user", user, "makeowner", "0")));
        assertTrue(WhmChecks.ok(asRoot(), "listresellers", Map.of()).get("data").get("reseller").toString().contains("\"" + user + "\""));
        // cPanel twiki SetResellersACLList: {"result":[{"status":1,"statusmsg":"Reseller Acls Saved","acls":[…]}]}.
        assertEquals("{\"result\":[{\"acls\":[\"list-accts\"],\"status\":1,\"statusmsg\":\"Reseller Acls Saved\"}]}\n",
                call("setacls", Map.of("reseller", user, "acl-list-accts", "1")));
        JsonNode privileges = WhmChecks.ok(given().auth().preemptive().basic(user, password), "myprivs", Map.of()).get("data")
                .get("privileges").get(0);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(0, privileges.get("create-acct").intValue());
        // cPanel, WHM API 0 unsetupreseller: {"result":[{"status":1,"statusmsg":…}]}.
        assertEquals("{\"result\":[{\"status\":1,\"statusmsg\":\"\"}]}\n", call("unsetupreseller", Map.of("user", user)));
        assertFalse(WhmChecks.ok(asRoot(), "listresellers", Map.of()).get("data").get("reseller").toString().contains("\"" + user + "\""));
    }

    @Test
    void theAclIsCheckedAsInApi1AndRefusedInTheFunctionsShape() {
        String user = newAccount("pw-" + Fixtures.randomSuffix(12));
        RequestSpecification listOnly = Whm0.withToken("root", Whm.rootToken("list-accts"));
        JsonNode refused = Whm0.json(listOnly, "suspendacct", Map.of("user", user));
        assertEquals(0, refused.get("result").get(0).get("status").intValue(), refused.toString());
        assertEquals("Permission denied: “suspendacct” needs the “suspend-acct” privilege.",
                refused.get("result").get(0).get("statusmsg").textValue());
        assertEquals(0, summary(user).get("suspended").intValue(), "nothing happened");
        assertEquals(1, Whm0.json(listOnly, "listaccts", Map.of()).get("status").intValue());
    }

    @Test
    void anApi0CallWithoutCredentialsIsRefusedAsBefore() {
        given().contentType(io.restassured.http.ContentType.URLENC).post("/json-api/version").then().statusCode(403);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode findByName(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (name.equals(row.get("name").textValue())) {
                return row;
            }
        }
        throw new AssertionError(name + " not in " + rows);
    }
}
