package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 1 {@code version}, {@code gethostname}, {@code listips}, {@code listsuspended}, {@code domainuserdata},
 * {@code get_domain_info} and {@code showbw}: each answer has the shape and types of cPanel's example on
 * api.docs.cpanel.net (recorded below, compared key by key and type by type), each is refused without its ACL, and a
 * reseller sees only its own accounts.
 */
@QuarkusTest
class WhmServerTest {

    // cPanel's examples. version and gethostname: the batch function's example on api.docs.cpanel.net (WHM API 1, batch).
    static final String VERSION_EXAMPLE = """
            {"data":{"version":"11.88.0.1"},"metadata":{"command":"version","reason":"OK","result":1,"version":1}}""";
    static final String GETHOSTNAME_EXAMPLE = """
            {"data":{"hostname":"hostname.example.com"},"metadata":{"command":"gethostname","reason":"OK","result":1,"version":1}}""";
    // WHM API 1, listips (IPv4 Address Settings): the fields of data.ip, with the examples the page gives.
    static final String LISTIPS_EXAMPLE = """
            {"data":{"ip":[{"active":1,"dedicated":0,"if":"eth0","ip":"192.168.0.20","mainaddr":1,"netmask":"255.255.0.0",
            "network":"192.168.0.0","public_ip":"10.1.32.177","removable":0,"used":1}]},
            "metadata":{"command":"listips","reason":"OK","result":1,"version":1}}""";
    // WHM API 1, listsuspended (Suspensions): the page's response sample.
    static final String LISTSUSPENDED_EXAMPLE = """
            {"data":{"account":[{"is_locked":0,"owner":"root","reason":"Suspended for nonpayment.","time":"Thu Nov 18 10:34:34 2014",
            "unixtime":1416306874,"user":"username"}]},"metadata":{"command":"listsuspended","reason":"OK","result":1,"version":1}}""";
    // WHM API 1, domainuserdata (Domain Information): the page's response sample; its reason is "Obtained userdata.",
    // cPanel 11.110's Whostmgr::API::1::Accounts::domainuserdata sets OK, as OpenUAPI does.
    static final String DOMAINUSERDATA_EXAMPLE = """
            {"data":{"userdata":{"customlog":[{"format":"combined","target":"/usr/local/apache/domlogs/example.com"}],
            "documentroot":"/home/username/public_html","group":"reseller_username","hascgi":1,"homedir":"/home/username",
            "ip":"10.0.0.1","owner":"root","phpopenbasedirprotect":1,"port":80,
            "scriptalias":[{"path":"/home/user/public_html/cgi-bin/","url":"/cgi-bin/"}],"serveradmin":"owner@example.com",
            "serveralias":"parkeddomain.com www.parkeddomain.com seconddomain.com","servername":"example.com",
            "usecanonicalname":"Off","user":"user","userdirprotect":"Off"}},
            "metadata":{"command":"domainuserdata","reason":"OK","result":1,"version":1}}""";
    // WHM API 1, get_domain_info (Domain Information): the fields of data.domains with the page's examples.
    static final String GET_DOMAIN_INFO_EXAMPLE = """
            {"data":{"domains":[{"docroot":"/home/user1/public_html/example.com","domain":"example.com","domain_type":"addon",
            "ipv4":"192.0.2.255","ipv4_ssl":"192.0.2.255","ipv6":"2001:DB8:g1m:0N3y::1","ipv6_is_dedicated":1,
            "modsecurity_enabled":1,"parent_domain":"example.com","php_version":"ea-php54","port":80,"port_ssl":443,
            "user":"username","user_owner":"user1"}]},"metadata":{"command":"get_domain_info","reason":"OK","result":1,"version":1}}""";
    // WHM API 1, showbw (Bandwidth and Disk Quotas): the fields with the page's examples.
    static final String SHOWBW_EXAMPLE = """
            {"data":{"acct":[{"bwusage":[{"deleted":0,"domain":"example.com","usage":0}],"deleted":0,"limit":0,
            "maindomain":"example.com","owner":"root","reseller":0,"totalbytes":352,"user":"user"}],"month":12,"reseller":"root",
            "totalused":352,"year":2019},"metadata":{"command":"showbw","reason":"OK","result":1,"version":1}}""";

    private static final String TIME = "[A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] \\d{4}";

    /** A reseller (its own account, made a reseller) with these privileges; Basic with its password. */
    record Reseller(TestAccount account) {
        RequestSpecification as() {
            return given().auth().preemptive().basic(account.username(), account.password());
        }

        String user() {
            return account.username();
        }
    }

    static Reseller reseller(String... acls) {
        TestAccount account = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", account.username(), "makeowner", "1")));
        Map<String, String> args = new java.util.LinkedHashMap<>();
        args.put("reseller", account.username());
        for (String acl : acls) {
            args.put("acl-" + acl, "1");
        }
        assertEquals("OK", Whm.reason(asRoot(), "setacls", args));
        return new Reseller(account);
    }

    static void refusedWithout(String function, String acl, Map<String, ?> args) {
        String unrelated = Whm.rootToken("list-pkgs");
        assertEquals("Permission denied: “" + function + "” needs the “" + acl + "” privilege.",
                Whm.reason(Whm.withToken("root", unrelated), function, args));
        JsonNode refused = Whm.json(Whm.withToken("root", unrelated), function, args);
        assertEquals(0, refused.get("metadata").get("result").intValue());
        assertFalse(refused.has("data"), refused.toString());
    }

    @Test
    void versionAnswersAsBothPerlClientsRead() {
        JsonNode answer = WhmChecks.ok(asRoot(), "version", Map.of());
        JsonShapes.assertSameShape(VERSION_EXAMPLE, answer);
        // openuapi.server.cpanel-version's default: the cPanel release whose API OpenUAPI follows
        assertEquals("11.120.0.16", answer.get("data").get("version").textValue());
        // cPanel::PublicAPI's whm_api('version') POSTs a form with api.version=1 to /json-api/version and reads data.version
        String posted = asRoot().contentType(ContentType.URLENC).formParam("api.version", "1").post("/json-api/version").then()
                .statusCode(200).extract().asString();
        assertEquals("11.120.0.16", Fixtures.json(posted).get("data").get("version").textValue());
        // with a WHM token that holds only basic-system-info (cPanel::APIClient: Authorization: whm root:TOKEN) ...
        String token = Whm.rootToken("basic-system-info");
        assertEquals("11.120.0.16", WhmChecks.ok(Whm.withToken("root", token), "version", Map.of()).get("data").get("version").textValue());
        // ... and as cPanel::PublicAPI sends it with an access hash: "WHM root:…", the scheme in capitals, the form POSTed
        String publicApi = given().header("Authorization", "WHM root:" + token).contentType(ContentType.URLENC)
                .formParam("api.version", "1").post("/json-api/version").then().statusCode(200).extract().asString();
        assertEquals("11.120.0.16", Fixtures.json(publicApi).get("data").get("version").textValue());
        refusedWithout("version", "basic-system-info", Map.of());
    }

    @Test
    void gethostname() {
        JsonNode answer = WhmChecks.ok(asRoot(), "gethostname", Map.of());
        JsonShapes.assertSameShape(GETHOSTNAME_EXAMPLE, answer);
        assertFalse(answer.get("data").get("hostname").textValue().isEmpty());
        refusedWithout("gethostname", "basic-system-info", Map.of());
        // a reseller with the privilege may ask
        Reseller reseller = reseller("basic-system-info");
        assertEquals(answer.get("data"), WhmChecks.ok(reseller.as(), "gethostname", Map.of()).get("data"));
    }

    @Test
    void listipsReportsTheSharedAccountAddress() {
        Fixtures.newAccount(); // some account uses the address
        JsonNode answer = WhmChecks.ok(asRoot(), "listips", Map.of());
        JsonShapes.assertSameShape(LISTIPS_EXAMPLE, answer);
        JsonNode ip = answer.get("data").get("ip").get(0);
        // the shared address first, then the test profile's openuapi.dns.additional-ips (SiteIpTest gives them to accounts)
        assertEquals(List.of("192.0.2.1", "192.0.2.11", "192.0.2.12", "192.0.2.13"), Whm.names(answer.get("data").get("ip"), "ip"));
        assertEquals("192.0.2.1", ip.get("ip").textValue(), "openuapi.dns.account-ip of the test profile");
        assertEquals("192.0.2.1", ip.get("public_ip").textValue());
        assertEquals(1, ip.get("mainaddr").intValue());
        assertEquals(1, ip.get("used").intValue());
        assertEquals(0, ip.get("removable").intValue());
        // root-level only: a reseller with every other privilege is refused
        Reseller reseller = reseller("basic-system-info", "list-accts", "acct-summary");
        assertEquals("Permission denied: “listips” needs the “all” privilege.", Whm.reason(reseller.as(), "listips", Map.of()));
    }

    @Test
    void listsuspendedSaysWhoWhyAndWhen() {
        long before = System.currentTimeMillis() / 1000;
        TestAccount told = Fixtures.newAccount();
        TestAccount untold = Fixtures.newAccount();
        TestAccount active = Fixtures.newAccount();
        WhmChecks.ok(asRoot(), "suspendacct", Map.of("user", told.username(), "reason", "Suspended for nonpayment."));
        Fixtures.patchAccount(untold.username(), Map.of("suspended", true)); // the operator's REST API: no reason
        long after = System.currentTimeMillis() / 1000;

        JsonNode answer = WhmChecks.ok(asRoot(), "listsuspended", Map.of());
        JsonShapes.assertSameShape(LISTSUSPENDED_EXAMPLE, answer);
        JsonNode rows = answer.get("data").get("account");
        JsonNode toldRow = row(rows, "user", told.username());
        assertEquals("Suspended for nonpayment.", toldRow.get("reason").textValue());
        assertEquals("root", toldRow.get("owner").textValue());
        assertEquals(0, toldRow.get("is_locked").intValue());
        assertTrue(toldRow.get("unixtime").longValue() >= before && toldRow.get("unixtime").longValue() <= after, toldRow.toString());
        assertTrue(toldRow.get("time").textValue().matches(TIME), toldRow.toString());
        assertEquals("Unknown", row(rows, "user", untold.username()).get("reason").textValue(), "cPanel's default reason");
        assertTrue(Whm.names(rows, "user").stream().noneMatch(active.username()::equals), "an active account is not listed");
        List<String> users = Whm.names(rows, "user");
        List<String> sorted = new ArrayList<>(users);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, users, "by username");

        // Unsuspended, it leaves the list; suspended again, it has a new time and no old reason.
        WhmChecks.ok(asRoot(), "unsuspendacct", Map.of("user", told.username()));
        assertTrue(Whm.names(WhmChecks.ok(asRoot(), "listsuspended", Map.of()).get("data").get("account"), "user").stream()
                .noneMatch(told.username()::equals));
        WhmChecks.ok(asRoot(), "suspendacct", Map.of("user", told.username()));
        assertEquals("Unknown", row(WhmChecks.ok(asRoot(), "listsuspended", Map.of()).get("data").get("account"), "user",
                told.username()).get("reason").textValue());

        // a reason longer than the column holds is refused, and the account stays as it was
        assertEquals("The reason is longer than 1000 characters.",
                Whm.reason(asRoot(), "suspendacct", Map.of("user", active.username(), "reason", "x".repeat(1001))));
        assertTrue(Whm.names(WhmChecks.ok(asRoot(), "listsuspended", Map.of()).get("data").get("account"), "user").stream()
                .noneMatch(active.username()::equals));

        refusedWithout("listsuspended", "suspend-acct", Map.of());
    }

    @Test
    void aResellerListsOnlyItsOwnSuspendedAccounts() {
        Reseller reseller = reseller("suspend-acct", "create-acct");
        TestAccount own = ResellerTest.account("owner", reseller.user());
        TestAccount foreign = Fixtures.newAccount();
        WhmChecks.ok(reseller.as(), "suspendacct", Map.of("user", own.username(), "reason", "Late"));
        WhmChecks.ok(asRoot(), "suspendacct", Map.of("user", foreign.username(), "reason", "Root's"));
        JsonNode rows = WhmChecks.ok(reseller.as(), "listsuspended", Map.of()).get("data").get("account");
        assertEquals(List.of(own.username()), Whm.names(rows, "user"));
        assertEquals(reseller.user(), rows.get(0).get("owner").textValue());
        assertEquals("Late", rows.get(0).get("reason").textValue());
    }

    @Test
    void domainuserdataDescribesTheVirtualHost() {
        TestAccount alice = Fixtures.newAccount();
        String parked = "alias-" + alice.domain();
        addDomain(alice, "parked_domain", parked, null);
        JsonNode answer = WhmChecks.ok(asRoot(), "domainuserdata", Map.of("domain", alice.domain()));
        // OpenUAPI runs no Apache of its own: it configures no custom logs or ScriptAliases, so those lists are empty
        JsonNode userdata = answer.get("data").get("userdata");
        assertTrue(userdata.get("customlog").isArray() && userdata.get("customlog").isEmpty());
        assertTrue(userdata.get("scriptalias").isArray() && userdata.get("scriptalias").isEmpty());
        JsonShapes.assertSameShape(DOMAINUSERDATA_EXAMPLE.replace("[{\"format\":\"combined\",\"target\":\"/usr/local/apache/domlogs/example.com\"}]", "[]")
                .replace("[{\"path\":\"/home/user/public_html/cgi-bin/\",\"url\":\"/cgi-bin/\"}]", "[]"), answer);
        String home = alice.home(); // the real home (the example's /home/username is cPanel's homes root)
        assertEquals(home + "/public_html", userdata.get("documentroot").textValue());
        assertEquals(home, userdata.get("homedir").textValue());
        assertEquals(alice.domain(), userdata.get("servername").textValue());
        assertEquals(alice.username(), userdata.get("user").textValue());
        assertEquals("root", userdata.get("owner").textValue());
        assertEquals("192.0.2.1", userdata.get("ip").textValue());
        assertEquals(80, userdata.get("port").intValue());
        assertEquals(parked + " www." + parked + " www." + alice.domain(), userdata.get("serveralias").textValue());
        // an alias is served by the main domain's virtual host (cPanel: get_real_domain)
        assertEquals(userdata, WhmChecks.ok(asRoot(), "domainuserdata", Map.of("domain", parked.toUpperCase())).get("data").get("userdata"));

        assertEquals("The domain “nosuch-" + alice.domain() + "” does not exist.",
                Whm.reason(asRoot(), "domainuserdata", Map.of("domain", "nosuch-" + alice.domain())));
        assertEquals("Provide the “domain” argument.", Whm.reason(asRoot(), "domainuserdata", Map.of()));
        refusedWithout("domainuserdata", "acct-summary", Map.of("domain", alice.domain()));
    }

    @Test
    void getDomainInfoListsEveryDomainTheCallerMaySee() {
        TestAccount alice = Fixtures.newAccount();
        String addon = "addon-" + alice.domain();
        String parked = "alias-" + alice.domain();
        addDomain(alice, "addon_domain", addon, null);
        addDomain(alice, "parked_domain", parked, null);
        addDomain(alice, "sub_domain", "blog", alice.domain());
        JsonNode answer = WhmChecks.ok(asRoot(), "get_domain_info", Map.of());
        JsonShapes.assertSameShape(GET_DOMAIN_INFO_EXAMPLE, answer, "data.domains[].ipv6", "data.domains[].php_version");
        JsonNode domains = answer.get("data").get("domains");
        List<String> names = Whm.names(domains, "domain");
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, names, "by name, as cPanel sorts them");
        assertEquals("main", row(domains, "domain", alice.domain()).get("domain_type").textValue());
        assertEquals("addon", row(domains, "domain", addon).get("domain_type").textValue());
        assertEquals("parked", row(domains, "domain", parked).get("domain_type").textValue());
        JsonNode sub = row(domains, "domain", "blog." + alice.domain());
        assertEquals("sub", sub.get("domain_type").textValue());
        assertEquals(alice.domain(), sub.get("parent_domain").textValue());
        assertEquals(alice.username(), sub.get("user").textValue());
        assertEquals("root", sub.get("user_owner").textValue());
        assertEquals(alice.home() + "/public_html", row(domains, "domain", parked).get("docroot").textValue(),
                "an alias serves its main domain's document root");
        assertTrue(sub.get("ipv6").isNull());
        assertEquals(80, sub.get("port").intValue());
        assertEquals(443, sub.get("port_ssl").intValue());

        Reseller reseller = reseller("acct-summary", "create-acct");
        TestAccount own = ResellerTest.account("owner", reseller.user());
        List<String> seen = Whm.names(WhmChecks.ok(reseller.as(), "get_domain_info", Map.of()).get("data").get("domains"), "domain");
        assertEquals(new java.util.TreeSet<>(List.of(reseller.account().domain(), own.domain())), new java.util.TreeSet<>(seen),
                "a reseller sees its own account's domains and those of the accounts it owns");
        // and domainuserdata answers for another's domain as for one that does not exist
        assertEquals("The domain “" + alice.domain() + "” does not exist.",
                Whm.reason(reseller.as(), "domainuserdata", Map.of("domain", alice.domain())));
        assertEquals(own.username(), WhmChecks.ok(reseller.as(), "domainuserdata", Map.of("domain", own.domain())).get("data")
                .get("userdata").get("user").textValue());
        refusedWithout("get_domain_info", "acct-summary", Map.of());
    }

    @Test
    void showbwReportsTheMeteredMonth() {
        String plan = "bw-" + Fixtures.randomSuffix(6);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "bandwidth_mb", 1000)).post("/api/v1/plans").then().statusCode(201);
        TestAccount alice = Fixtures.newAccount();
        TestAccount bob = Fixtures.newAccount();
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + alice.username() + "/plan").then()
                .statusCode(200);
        report(alice, 123_456_789L);
        report(bob, 1_000L);

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        JsonNode answer = WhmChecks.ok(asRoot(), "showbw", Map.of("search", "^" + alice.username() + "$", "searchtype", "user"));
        JsonShapes.assertSameShape(SHOWBW_EXAMPLE.replace("[{\"deleted\":0,\"domain\":\"example.com\",\"usage\":0}]", "[]"), answer);
        JsonNode data = answer.get("data");
        assertEquals(today.getMonthValue(), data.get("month").intValue());
        assertEquals(today.getYear(), data.get("year").intValue());
        assertEquals("root", data.get("reseller").textValue());
        assertEquals(1, data.get("acct").size());
        JsonNode acct = data.get("acct").get(0);
        assertEquals(alice.username(), acct.get("user").textValue());
        assertEquals(123_456_789L, acct.get("totalbytes").longValue());
        assertEquals(1000L * 1024 * 1024, acct.get("limit").longValue(), "the plan's bwlimit, in bytes");
        assertEquals(alice.domain(), acct.get("maindomain").textValue());
        assertEquals(123_456_789L, data.get("totalused").longValue());

        // every account, and their sum
        JsonNode all = WhmChecks.ok(asRoot(), "showbw", Map.of("month", String.valueOf(today.getMonthValue()),
                "year", String.valueOf(today.getYear()))).get("data");
        long sum = 0;
        for (JsonNode row : all.get("acct")) {
            sum += row.get("totalbytes").longValue();
        }
        assertEquals(sum, all.get("totalused").longValue());
        assertEquals(1000L, row(all.get("acct"), "user", bob.username()).get("totalbytes").longValue());
        assertEquals(0L, row(all.get("acct"), "user", bob.username()).get("limit").longValue(), "no plan: unlimited, 0");

        // bad input, each in WHM's envelope
        LocalDate lastMonth = today.minusMonths(1);
        assertTrue(Whm.reason(asRoot(), "showbw", Map.of("month", String.valueOf(lastMonth.getMonthValue()), "year",
                String.valueOf(lastMonth.getYear()))).startsWith("OpenUAPI has bandwidth for the current month only"));
        assertEquals("“13” is not a valid month: give a number from 1 to 12.", Whm.reason(asRoot(), "showbw", Map.of("month", "13")));
        assertEquals("“soon” is not a valid year: give a number from 1970 to 9999.", Whm.reason(asRoot(), "showbw", Map.of("year", "soon")));
        assertEquals("“color” is not a valid searchtype: use domain, owner, user, ip or package.",
                Whm.reason(asRoot(), "showbw", Map.of("search", "x", "searchtype", "color")));
        refusedWithout("showbw", "show-bandwidth", Map.of());
    }

    @Test
    void aResellerSeesOnlyItsOwnAccountsBandwidth() {
        Reseller reseller = reseller("show-bandwidth", "create-acct");
        TestAccount own = ResellerTest.account("owner", reseller.user());
        TestAccount foreign = Fixtures.newAccount();
        report(own, 42L);
        report(foreign, 7L);
        JsonNode data = WhmChecks.ok(reseller.as(), "showbw", Map.of()).get("data");
        assertEquals(reseller.user(), data.get("reseller").textValue());
        List<String> users = Whm.names(data.get("acct"), "user");
        assertTrue(users.contains(own.username()), users.toString());
        assertFalse(users.contains(foreign.username()), users.toString());
        // showres: only the accounts that reseller owns
        JsonNode owned = WhmChecks.ok(asRoot(), "showbw", Map.of("showres", reseller.user())).get("data");
        assertEquals(reseller.user(), owned.get("reseller").textValue());
        assertTrue(Whm.names(owned.get("acct"), "user").contains(own.username()));
        assertFalse(Whm.names(owned.get("acct"), "user").contains(foreign.username()));
        assertEquals(1, row(owned.get("acct"), "user", reseller.user()).get("reseller").intValue(), "the reseller's own account");
    }

    static void report(TestAccount account, long bandwidthBytes) {
        asRoot().contentType(ContentType.JSON).body(Map.of("bandwidth_used_bytes", bandwidthBytes))
                .put("/api/v1/accounts/" + account.username() + "/usage").then().statusCode(200);
    }

    static void addDomain(TestAccount account, String type, String domain, String rootDomain) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("domain", domain);
        body.put("type", type);
        if (rootDomain != null) {
            body.put("rootdomain", rootDomain);
        }
        asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/accounts/" + account.username() + "/domains").then().statusCode(201);
    }

    static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(key).textValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + " " + value + " in " + rows);
    }
}
