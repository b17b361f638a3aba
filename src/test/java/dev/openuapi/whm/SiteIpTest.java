package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.PowerDns;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * WHM API 1 {@code setsiteip} and {@code createacct ip=y / customip} (issue 15 §2) against a real PowerDNS reading the same
 * database. cPanel's reference (setsiteip, api.docs.cpanel.net): "ip (string, required) The site's or user's IPv4
 * address", "domain ... user ... You must use either the user parameter or domain parameter", response sample
 * {@code {"metadata":{"command":"setsiteip","reason":"OK","result":1,"version":1}}}; createacct: "ip (string) Whether the
 * account has a dedicated IP address. y — ... n — ...", "customip (string) The account's IP address". The test profile's
 * server addresses: 192.0.2.1 (openuapi.dns.account-ip, shared) and 192.0.2.11-13 (openuapi.dns.additional-ips).
 */
@QuarkusTest
class SiteIpTest {

    static final String SHARED = "192.0.2.1";
    static final List<String> FURTHER = List.of("192.0.2.11", "192.0.2.12", "192.0.2.13");

    static PowerDns pdns;

    @BeforeAll
    static void startPowerDns() throws Exception {
        pdns = PowerDns.start(TestConfig.databaseName());
    }

    @AfterAll
    static void stopPowerDns() {
        if (pdns != null) {
            pdns.close();
        }
    }

    /** A new account (createacct as root with {@code extra}), with a token. */
    record Site(TestAccount account, String token) {
        String user() {
            return account.username();
        }
    }

    static Site site(Map<String, String> extra) {
        Map.Entry<String, JsonNode> created = ResellerCreateTest.createacct(asRoot(), extra);
        assertEquals(1, created.getValue().get("metadata").get("result").intValue(), created.getValue().toString());
        String user = created.getKey();
        TestAccount account = new TestAccount(user, ResellerCreateTest.password(user), user + ".example");
        return new Site(account, account.newToken());
    }

    static String ip(String user) {
        return WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", user)).get("data").get("acct").get(0).get("ip").textValue();
    }

    /** The zone's A records, name to address, through API 2 ZoneEdit::fetchzone_records as the account. */
    static Map<String, String> aRecords(Site site) {
        JsonNode rows = Fixtures.json(site.account().withToken(site.token()).queryParam("cpanel_jsonapi_apiversion", "2")
                .queryParam("cpanel_jsonapi_module", "ZoneEdit").queryParam("cpanel_jsonapi_func", "fetchzone_records")
                .queryParam("domain", site.account().domain()).queryParam("type", "A").get("/json-api/cpanel").then().statusCode(200)
                .extract().asString()).get("cpanelresult").get("data");
        Map<String, String> records = new java.util.TreeMap<>();
        rows.forEach(row -> records.put(row.get("name").textValue(), row.get("address").textValue()));
        return records;
    }

    static String served(String name) throws Exception {
        return ((ARecord) pdns.query(name + ".", Type.A).records().get(0)).getAddress().getHostAddress();
    }

    static JsonNode listed(String ip) {
        for (JsonNode row : WhmChecks.ok(asRoot(), "listips", Map.of()).get("data").get("ip")) {
            if (row.get("ip").textValue().equals(ip)) {
                return row;
            }
        }
        throw new AssertionError(ip + " is not in listips");
    }

    static void remove(String user) {
        assertEquals("OK", Whm.reason(asRoot(), "removeacct", Map.of("user", user)));
    }

    @Test
    void setsiteipMovesTheAccountAndItsARecords() throws Exception {
        Site site = site(Map.of());
        String domain = site.account().domain();
        assertEquals(SHARED, ip(site.user()));
        // an A record somewhere else stays where it points
        JsonNode added = Fixtures.json(site.account().withToken(site.token()).queryParam("cpanel_jsonapi_apiversion", "2")
                .queryParam("cpanel_jsonapi_module", "ZoneEdit").queryParam("cpanel_jsonapi_func", "add_zone_record")
                .queryParam("domain", domain).queryParam("name", "elsewhere").queryParam("type", "A").queryParam("address", "203.0.113.7")
                .get("/json-api/cpanel").then().statusCode(200).extract().asString());
        assertTrue(added.toString().contains("\"status\":1"), added.toString());
        String free = FURTHER.stream().filter(ip -> listed(ip).get("used").intValue() == 0).findFirst().orElse(FURTHER.get(0));

        assertEquals("OK", Whm.reason(asRoot(), "setsiteip", Map.of("user", site.user(), "ip", free)));
        assertEquals(free, ip(site.user()), "accountsummary reports the account's own address");
        assertEquals(Map.of(domain + ".", free, "elsewhere." + domain + ".", "203.0.113.7"), aRecords(site));
        assertEquals(free, served(domain), "PowerDNS serves the new address");
        assertEquals("203.0.113.7", served("elsewhere." + domain));
        JsonNode row = listed(free);
        assertEquals(1, row.get("used").intValue());
        assertEquals(1, row.get("dedicated").intValue());
        assertEquals(0, row.get("mainaddr").intValue());
        assertEquals(1, listed(SHARED).get("mainaddr").intValue());
        JsonNode found = WhmChecks.ok(asRoot(), "listaccts", Map.of("searchtype", "ip", "search", "^" + free.replace(".", "\\.") + "$"))
                .get("data").get("acct");
        assertTrue(Whm.names(found, "user").contains(site.user()), found.toString());
        JsonNode bandwidth = WhmChecks.ok(asRoot(), "showbw", Map.of("searchtype", "ip", "search", "^" + free.replace(".", "\\.") + "$"))
                .get("data").get("acct");
        assertTrue(Whm.names(bandwidth, "user").contains(site.user()), bandwidth.toString());
        for (JsonNode info : WhmChecks.ok(asRoot(), "get_domain_info", Map.of()).get("data").get("domains")) {
            if (info.get("user").textValue().equals(site.user())) {
                assertEquals(free, info.get("ipv4").textValue(), info.toString());
            }
        }
        assertEquals(free, WhmChecks.ok(asRoot(), "domainuserdata", Map.of("domain", domain)).get("data").get("userdata").get("ip")
                .textValue());
        assertEquals(free, Uapi.success(site.account().withToken(site.token()).get("/execute/Variables/get_user_information").then()
                .statusCode(200).extract().asString()).get("data").get("ip").textValue(), "UAPI Variables::get_user_information");
        // a new subdomain points at the account's address too
        Uapi.success(site.account().withToken(site.token()).queryParam("domain", "blog").queryParam("rootdomain", domain)
                .get("/execute/SubDomain/addsubdomain").then().statusCode(200).extract().asString());
        assertEquals(free, aRecords(site).get("blog." + domain + "."));

        // domain= names the account by its domain; the shared address takes it back
        assertEquals("OK", Whm.reason(asRoot(), "setsiteip", Map.of("domain", domain, "ip", SHARED)));
        assertEquals(SHARED, ip(site.user()));
        assertEquals(Map.of(domain + ".", SHARED, "blog." + domain + ".", SHARED, "elsewhere." + domain + ".", "203.0.113.7"), aRecords(site));
        assertEquals(SHARED, served(domain));
        assertEquals(0, listed(free).get("used").intValue(), "nobody uses " + free + " now");
        remove(site.user());
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        Site site = site(Map.of());
        Map<String, String> before = aRecords(site);
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("user", site.user(), "ip", "198.51.100.9"), "“198.51.100.9” is not an IP address of this server: use one that listips lists.",
                Map.of("user", site.user(), "ip", "not-an-ip"), "“not-an-ip” is not a valid IPv4 address.",
                Map.of("user", site.user(), "ip", "2001:db8::1"), "“2001:db8::1” is not a valid IPv4 address.",
                Map.of("ip", FURTHER.get(0)), "Provide the “user” or the “domain” argument.",
                Map.of("user", site.user()), "Provide the “ip” argument.",
                Map.of("user", "hdnosuchuser", "ip", FURTHER.get(0)), "The account “hdnosuchuser” does not exist.",
                Map.of("domain", "hd-no-such.example", "ip", FURTHER.get(0)), "The domain “hd-no-such.example” does not exist.");
        refusals.forEach((args, reason) -> assertEquals(reason, Whm.reason(asRoot(), "setsiteip", args), args.toString()));
        assertEquals(SHARED, ip(site.user()));
        assertEquals(before, aRecords(site));

        // root-level only: a reseller refused even on its own account
        String reseller = AclListsTest.reseller();
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller, "acl-create-acct", "1", "acl-edit-account", "1",
                "acl-acct-summary", "1")));
        assertEquals("Permission denied: “setsiteip” needs the “all” privilege.",
                Whm.reason(ResellerCreateTest.as(reseller), "setsiteip", Map.of("user", reseller, "ip", FURTHER.get(0))));
        assertEquals("Only root-level users may give an account its own IP address (ip=y, customip).", ResellerCreateTest.createacct(
                ResellerCreateTest.as(reseller), Map.of("ip", "y")).getValue().get("metadata").get("reason").textValue());
        assertEquals(SHARED, ip(reseller));
        remove(site.user());
    }

    @Test
    void createacctCustomipAndIpY() throws Exception {
        Map.Entry<String, JsonNode> custom = ResellerCreateTest.createacct(asRoot(), Map.of("customip", FURTHER.get(1)));
        assertEquals(FURTHER.get(1), custom.getValue().get("data").get("ip").textValue(), custom.getValue().toString());
        assertEquals(FURTHER.get(1), ip(custom.getKey()));
        String domain = custom.getKey() + ".example";
        assertEquals(FURTHER.get(1), served(domain), "the new zone's A record is the account's address");

        // ip=y: a further address nobody uses, until none is left
        List<String> taken = new ArrayList<>();
        String reason = null;
        for (int i = 0; i <= FURTHER.size() && reason == null; i++) {
            Map.Entry<String, JsonNode> dedicated = ResellerCreateTest.createacct(asRoot(), Map.of("ip", "y"));
            JsonNode metadata = dedicated.getValue().get("metadata");
            if (metadata.get("result").intValue() == 1) {
                String ip = dedicated.getValue().get("data").get("ip").textValue();
                assertTrue(FURTHER.contains(ip), ip);
                assertFalse(taken.contains(ip), "twice " + ip);
                assertNotEquals(FURTHER.get(1), ip, "customip's address is in use");
                assertEquals(ip, ip(dedicated.getKey()));
                assertEquals(1, listed(ip).get("dedicated").intValue());
                taken.add(dedicated.getKey());
            } else {
                reason = metadata.get("reason").textValue();
                assertFalse(ResellerCreateTest.exists(dedicated.getKey()), "a refused ip=y left the account behind");
            }
        }
        assertEquals("No free dedicated IP address is left: every address of this server other than the shared one (192.0.2.1) is in "
                + "use. Add one to openuapi.dns.additional-ips.", reason);
        taken.forEach(SiteIpTest::remove);
        remove(custom.getKey());

        // ip=n is the shared address; any other value is refused
        Map.Entry<String, JsonNode> shared = ResellerCreateTest.createacct(asRoot(), Map.of("ip", "n"));
        assertEquals(SHARED, shared.getValue().get("data").get("ip").textValue());
        Map.Entry<String, JsonNode> bad = ResellerCreateTest.createacct(asRoot(), Map.of("ip", "maybe"));
        assertEquals("“maybe” is not a valid value for “ip”: use y or n.", bad.getValue().get("metadata").get("reason").textValue());
        assertFalse(ResellerCreateTest.exists(bad.getKey()));
        remove(shared.getKey());
    }
}
