package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.PowerDnsResolver;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * UAPI {@code DNS::lookup}, {@code DNS::ensure_domains_reside_only_locally} and {@code DNS::has_local_authority}, with
 * the resolver ({@code openuapi.dns.resolvers}) pointed at a real PowerDNS that serves the test database's zones: what
 * the API writes is what the lookups see. Each answer is compared with cPanel's example (api.docs.cpanel.net, UAPI DNS).
 */
@QuarkusTest
@TestProfile(DnsLookupTest.WithPowerDnsResolver.class)
class DnsLookupTest {

    /** The test profile, with a PowerDNS on the test database as the resolver. */
    public static class WithPowerDnsResolver implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PowerDnsResolver.class));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    // UAPI DNS::lookup's response sample (also in cPanel's Cpanel/API/DNS.pm POD): host's lines.
    static final String LOOKUP_EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{"transformed":1},
            "data":["example.com has address 93.184.216.34","example.com has IPv6 address 2606:2800:220:1:248:1893:25c8:1946",
            "example.com mail is handled by 0 ."]}""";
    // UAPI DNS::has_local_authority's example, its third row (the one with every key; cPanel's code always sets all five,
    // error undef when the check worked).
    static final String HAS_LOCAL_AUTHORITY_EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{"transformed":1},
            "data":[{"domain":"example3.com","error":"(XID 3z756a) DNS query (example3.com/SOA) timeout!","local_authority":0,
            "nameservers":[],"zone":"example3.com"}]}""";
    // UAPI DNS::ensure_domains_reside_only_locally's example data: null, or a string.
    static final String ENSURE_EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{"transformed":1},
            "data":["The domain resolves to Mars. Beep beep beep."]}""";

    /** The raw body of a UAPI DNS call, after checking its six-key envelope. */
    static String body(TestAccount account, String token, String pathAndQuery) {
        String body = account.withToken(token).get("/execute/DNS/" + pathAndQuery).then().statusCode(200).extract().asString();
        Uapi.envelope(body);
        return body;
    }

    static JsonNode uapi(TestAccount account, String token, String function, Map<String, ?> args) {
        String body = account.withToken(token).queryParams(args).get("/execute/DNS/" + function).then().statusCode(200).extract().asString();
        return Uapi.envelope(body);
    }

    /** Adds a record with API 2 ZoneEdit (name relative to the zone). */
    static void addRecord(TestAccount account, String token, Map<String, String> record) {
        Map<String, String> args = new java.util.LinkedHashMap<>(record);
        args.put("domain", account.domain());
        String body = account.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", "ZoneEdit")
                .queryParam("cpanel_jsonapi_func", "add_zone_record").queryParams(args).get("/json-api/cpanel").then().statusCode(200)
                .extract().asString();
        assertEquals(1, Fixtures.json(body).get("cpanelresult").get("data").get(0).get("result").get("status").intValue(), body);
    }

    @Test
    void lookupPrintsHostsLines() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        addRecord(alice, token, Map.of("name", d + ".", "type", "AAAA", "address", "2001:db8:0:0:0:0:0:5"));
        addRecord(alice, token, Map.of("name", d + ".", "type", "MX", "exchange", "mail." + d, "preference", "10"));
        addRecord(alice, token, Map.of("name", "www", "type", "CNAME", "cname", d));

        JsonNode answer = Uapi.success(body(alice, token, "lookup?domain=" + d));
        JsonShapes.assertSameShape(LOOKUP_EXAMPLE, answer);
        assertEquals(List.of(d + " has address 192.0.2.1", d + " has IPv6 address 2001:db8::5", d + " mail is handled by 10 mail." + d + "."),
                strings(answer.get("data")));
        // an alias: host prints it, then the target's addresses
        assertEquals(List.of("www." + d + " is an alias for " + d + ".", d + " has address 192.0.2.1", d + " has IPv6 address 2001:db8::5",
                d + " mail is handled by 10 mail." + d + "."), strings(uapi(alice, token, "lookup", Map.of("domain", "www." + d)).get("data")));
    }

    @Test
    void lookupRefusals() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        // cPanel's Cpanel::Net::host_lookup: host's own output, quoted
        assertEquals("The system was unable to track the domain that you entered. “Host ghost." + alice.domain()
                + " not found: 3(NXDOMAIN)”.", error(uapi(alice, token, "lookup", Map.of("domain", "ghost." + alice.domain()))));
        assertEquals("You must specify a valid domain.", error(uapi(alice, token, "lookup", Map.of("domain", "not a domain"))));
        assertEquals("Provide the “domain” argument.", error(uapi(alice, token, "lookup", Map.of())));
        assertEquals("The “domain” argument cannot be empty.", error(uapi(alice, token, "lookup", Map.of("domain", ""))));
        // cPanel's %API: lookup needs the nettools feature; the authority checks need none (not even zoneedit)
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        assertEquals("You do not have the feature “nettools”.", error(uapi(alice, token, "lookup", Map.of("domain", alice.domain()))));
        assertEquals(1, uapi(alice, token, "has_local_authority", Map.of("domain", alice.domain())).get("status").intValue());
        assertEquals("You do not have the feature “zoneedit”.", error(uapi(alice, token, "parse_zone", Map.of("zone", alice.domain()))));
    }

    @Test
    void ensureDomainsResideOnlyLocally() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        addRecord(alice, token, Map.of("name", "remote", "type", "A", "address", "198.51.100.7"));
        addRecord(alice, token, Map.of("name", "split", "type", "A", "address", "198.51.100.9"));
        addRecord(alice, token, Map.of("name", "split", "type", "A", "address", "192.0.2.1"));
        addRecord(alice, token, Map.of("name", "split", "type", "A", "address", "198.51.100.10"));
        addRecord(alice, token, Map.of("name", "textonly", "type", "TXT", "txtdata", "no address here"));

        String query = "domain=" + d + "&domain-1=remote." + d + "&domain-2=textonly." + d + "&domain-3=split." + d
                + "&domain-4=ghost." + d;
        JsonNode answer = Uapi.success(body(alice, token, "ensure_domains_reside_only_locally?" + query));
        JsonNode data = answer.get("data");
        assertEquals(5, data.size(), data.toString());
        assertTrue(data.get(0).isNull(), "the account's own address (openuapi.dns.account-ip) is this server's: " + data);
        JsonShapes.assertSameShape(ENSURE_EXAMPLE, withData(answer, data.get(1)));
        assertEquals("“remote." + d + "” resolves to the following IPv4 address, which does not exist on this server: 198.51.100.7",
                data.get(1).textValue());
        assertEquals("“textonly." + d + "” does not resolve to any IPv4 addresses on the internet.", data.get(2).textValue());
        assertEquals("“split." + d + "” resolves to the following IPv4 addresses, which do not exist on this server: 198.51.100.9 and "
                + "198.51.100.10", data.get(3).textValue(), "numerically sorted, local ones left out");
        assertEquals("“ghost." + d + "” does not resolve to any IPv4 addresses on the internet.", data.get(4).textValue(),
                "its parent is a registered domain (it has NS records)");
        // any domain may be asked about, not only the account's; at least one, at most 50
        assertEquals("Provide at least one “domain” argument.", error(uapi(alice, token, "ensure_domains_reside_only_locally", Map.of())));
        StringBuilder many = new StringBuilder("domain=" + d);
        for (int i = 1; i <= 50; i++) {
            many.append("&domain-").append(i).append('=').append(d);
        }
        assertEquals("Give at most 50 “domain” arguments in one call.",
                error(Uapi.envelope(body(alice, token, "ensure_domains_reside_only_locally?" + many))));
    }

    @Test
    void hasLocalAuthorityComparesTheServedSerialWithTheDns() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        Fixtures.asRoot().contentType(ContentType.JSON).body(Map.of("domain", "blog", "type", "sub_domain", "rootdomain", d))
                .post("/api/v1/accounts/" + alice.username() + "/domains").then().statusCode(201);

        JsonNode answer = Uapi.success(body(alice, token, "has_local_authority?domain=" + d + "&domain-1=BLOG." + d));
        JsonShapes.assertSameShape(HAS_LOCAL_AUTHORITY_EXAMPLE, answer, "data[].error");
        JsonNode main = answer.get("data").get(0);
        assertEquals(d, main.get("domain").textValue());
        assertEquals(d, main.get("zone").textValue());
        assertEquals(1, main.get("local_authority").intValue(), answer.toString());
        assertEquals(List.of("ns1.openuapi.invalid", "ns2.openuapi.invalid"), strings(main.get("nameservers")),
                "the test profile's openuapi.dns.nameservers, as the DNS serves them");
        assertTrue(main.get("error").isNull());
        JsonNode sub = answer.get("data").get(1);
        assertEquals("BLOG." + d, sub.get("domain").textValue(), "as given");
        assertEquals(d, sub.get("zone").textValue(), "a subdomain lives in its parent's zone");
        assertEquals(1, sub.get("local_authority").intValue());

        // only the account's own domains, in cPanel's words
        TestAccount bob = newAccount();
        assertEquals("You do not control the “" + bob.domain() + "” domain.",
                error(uapi(alice, token, "has_local_authority", Map.of("domain", bob.domain()))));
        JsonNode two = Uapi.envelope(body(alice, token, "has_local_authority?domain=" + bob.domain() + "&domain-1=nowhere.example"));
        assertEquals("You do not control the “" + bob.domain() + "” and “nowhere.example” domains.", error(two));
        assertEquals("Provide at least one “domain” argument.", error(uapi(alice, token, "has_local_authority", Map.of())));
    }

    @Test
    void whenTheResolverDoesNotAnswer() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        PowerDnsResolver.stopServer();
        try {
            JsonNode row = Uapi.success(body(alice, token, "has_local_authority?domain=" + d)).get("data").get(0);
            assertEquals(d, row.get("zone").textValue());
            assertEquals(0, row.get("local_authority").intValue());
            assertEquals(0, row.get("nameservers").size());
            assertEquals("DNS query (" + d + "/SOA) timeout!", row.get("error").textValue(), "as cPanel's example words it");
            assertEquals("The system was unable to track the domain that you entered. “;; connection timed out; no servers could be "
                    + "reached”.", error(uapi(alice, token, "lookup", Map.of("domain", d))));
            assertEquals("DNS query (" + d + "/A) timeout!",
                    Uapi.success(body(alice, token, "ensure_domains_reside_only_locally?domain=" + d)).get("data").get(0).textValue());
        } finally {
            PowerDnsResolver.startServer();
        }
        assertEquals(1, Uapi.success(body(alice, token, "has_local_authority?domain=" + d)).get("data").get(0).get("local_authority")
                .intValue(), "answered again");
    }

    private static JsonNode withData(JsonNode answer, JsonNode data) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.set("data", new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add(data));
        return copy;
    }

    private static String error(JsonNode answer) {
        assertEquals(0, answer.get("status").intValue(), answer.toString());
        assertTrue(answer.get("data").isNull(), answer.toString());
        return answer.get("errors").get(0).textValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.textValue()));
        return values;
    }
}
