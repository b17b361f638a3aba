package dev.openuapi.domain;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An account owner adds and removes its subdomains, addon domains and parked domains itself, through cPanel's API 2
 * ({@code SubDomain::addsubdomain}/{@code delsubdomain}, {@code AddonDomain::addaddondomain}/{@code deladdondomain},
 * {@code Park::park}/{@code unpark}) and the UAPI functions cPanel 138 documents for the same. The rules are the
 * operator's domain API's ({@link DomainService}): another account's names are refused, the plan's limits hold,
 * the DNS changes in the same transaction (checked here by asking a real PowerDNS that reads the same tables), and
 * DomainInfo shows the change at once.
 *
 * <p>cPanel's reference. Argument names, checks and error texts: cPanel's own {@code Cpanel/SubDomain.pm},
 * {@code Cpanel/AddonDomain.pm}, {@code Cpanel/Park.pm} and {@code Cpanel/Validate/SubDomain.pm} (2022), and
 * api.docs.cpanel.net's API 2 pages. The UAPI functions: cPanel's UAPI reference 11.138 (api.docs.cpanel.net;
 * api-evangelist/cpanel {@code openapi/cpanel-addondomain-api-openapi.yml}, {@code cpanel-park-api-openapi.yml}).
 * Answers: the real replies recorded from cpsrvd 11.30 and 11.32 in envato-archive/lumberg's
 * {@code spec/vcr_cassettes/cpanel/{sub_domain,addon_domain,park}/*.yml}, quoted in {@link #CPANEL} and compared
 * with ours key by key and type by type ({@link #assertSameShape}).
 */
@QuarkusTest
class OwnerDomainsTest {

    /** openuapi.dns.account-ip in the test profile. */
    static final String IP = "192.0.2.1";

    /**
     * cPanel's replies, verbatim from lumberg's cassettes. {@code preevent}/{@code postevent} appear only where
     * custom hooks ran (spec §8.2); OpenUAPI sends neither. The reasons' zone-file lines ("The zone file for … has
     * been edited …", "saved …") come from cPanel's BIND tooling; OpenUAPI's reasons keep the sentences that name
     * what changed.
     */
    static final Map<String, String> CPANEL = Map.of(
            "addsubdomain", """
                    {"cpanelresult":{"data":[{"result":1,"reason":"The zone file for 'lumberg-test.com' has been edited and your new \
                    data has been added to it.\\r\\nsaved lumberg-test.com\\nThe subdomain, sub.lumberg-test.com has been added."}],\
                    "event":{"result":1},"module":"SubDomain","apiversion":2,"func":"addsubdomain","postevent":{"result":1},\
                    "preevent":{"result":1}}}""",
            "delsubdomain", """
                    {"cpanelresult":{"data":[{"result":1,"reason":"Deleted domain: foo.lumberg-test.com\\nThe zone file for \
                    'lumberg-test.com' has been edited and your new data has been added to it.\\r\\nsaved lumberg-test.com\\nThe \
                    subdomain, foo.lumberg-test.com has been removed."}],"event":{"result":1},"module":"SubDomain","apiversion":2,\
                    "func":"delsubdomain","postevent":{"result":1},"preevent":{"result":1}}}""",
            "addaddondomain", """
                    {"cpanelresult":{"data":[{"result":1,"reason":"test-addon.com was successfully parked on top of \
                    testadd.lumberg-test.com"}],"event":{"result":1},"module":"AddonDomain","apiversion":2,"func":"addaddondomain",\
                    "postevent":{"result":1},"preevent":{"result":1}}}""",
            "deladdondomain", """
                    {"cpanelresult":{"data":[{"result":1,"reason":"Deleted domain: testadd.lumberg-test.com\\nThe zone file for \
                    'lumberg-test.com' has been edited and your new data has been added to it.\\r\\nsaved lumberg-test.com\\nThe \
                    subdomain, testadd.lumberg-test.com has been removed."}],"event":{"result":1},"module":"AddonDomain",\
                    "apiversion":2,"func":"deladdondomain","postevent":{"result":1},"preevent":{"result":1}}}""",
            "park", """
                    {"cpanelresult":{"event":{"result":1},"func":"park","module":"Park","data":[{"reason":"test-park.com was \
                    successfully parked on top of lumberg-test.com","result":1}],"apiversion":2,"preevent":{"result":1},\
                    "postevent":{"result":1}}}""",
            "park refused", """
                    {"cpanelresult":{"preevent":{"result":1},"event":{"result":1},"func":"park","error":"test-park.com is already \
                    configured.\\n","data":[{"reason":"test-park.com is already configured.\\n","result":0}],"module":"Park",\
                    "postevent":{"result":1},"apiversion":2}}""",
            "unpark", """
                    {"cpanelresult":{"module":"Park","apiversion":2,"event":{"result":1},"data":[{"result":1,"reason":"test-park.com \
                    was successfully unparked"}],"preevent":{"result":1},"postevent":{"result":1},"func":"unpark"}}""",
            "unpark refused", """
                    {"cpanelresult":{"module":"Park","error":"Sorry, you do not control the domain test-park.com\\n","apiversion":2,\
                    "data":[{"reason":"Sorry, you do not control the domain test-park.com\\n","result":0}],"preevent":{"result":1},\
                    "event":{"result":1},"postevent":{"result":1},"func":"unpark"}}""");

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

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The whole body of one API 2 call (HTTP 200, JSON). */
    static JsonNode api2Body(TestAccount account, String token, String module, String function, Map<String, ?> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", module)
                .queryParam("cpanel_jsonapi_func", function).queryParams(args).get("/json-api/cpanel").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        return Fixtures.json(body);
    }

    /** An API 2 change that worked: cPanel's shape, result 1, no error; returns the reason. */
    static String api2Done(TestAccount account, String token, String module, String function, String cpanel, Map<String, ?> args) {
        JsonNode body = api2Body(account, token, module, function, args);
        assertSameShape(Fixtures.json(CPANEL.get(cpanel)), body);
        JsonNode result = body.get("cpanelresult");
        assertEquals(module, result.get("module").textValue());
        assertEquals(function, result.get("func").textValue());
        assertEquals(1, result.get("data").get(0).get("result").intValue(), body.toString());
        assertFalse(result.has("error"), body.toString());
        return result.get("data").get(0).get("reason").textValue();
    }

    /**
     * An API 2 change the function refused: cPanel's refusal shape (event.result 1, data [{result 0, reason}], the
     * reason again in error), with exactly this reason.
     */
    static void api2Refused(TestAccount account, String token, String module, String function, Map<String, ?> args, String reason) {
        JsonNode body = api2Body(account, token, module, function, args);
        assertSameShape(Fixtures.json(CPANEL.get("park refused")), body);
        JsonNode result = body.get("cpanelresult");
        assertEquals(0, result.get("data").get(0).get("result").intValue(), body.toString());
        assertEquals(reason, result.get("data").get(0).get("reason").textValue(), body.toString());
        assertEquals(reason, result.get("error").textValue(), body.toString());
    }

    /**
     * A call refused before the function ran (a missing argument, a missing feature): {@code event.result} 0 with
     * the reason, the reason in {@code error}, {@code data} empty. cPanel's API 2 functions report a missing
     * argument in a data row instead (their own check); OpenUAPI's dispatcher checks the declared arguments first,
     * with the function's words. Either way {@code error} carries the text, which clients read first (spec §8.2).
     */
    static void api2Rejected(TestAccount account, String token, String module, String function, Map<String, ?> args, String reason) {
        JsonNode result = api2Body(account, token, module, function, args).get("cpanelresult");
        assertEquals(List.of("apiversion", "module", "func", "event", "error", "data"), keys(result), result.toString());
        assertTrue(result.get("apiversion").isInt(), result.toString());
        assertEquals(List.of("result", "reason"), keys(result.get("event")), result.toString());
        assertTrue(result.get("event").get("result").isInt(), result.toString());
        assertEquals(0, result.get("event").get("result").intValue(), result.toString());
        assertEquals(reason, result.get("event").get("reason").textValue());
        assertEquals(reason, result.get("error").textValue());
        assertEquals("[]", result.get("data").toString());
    }

    /**
     * Ours has exactly cPanel's keys (less preevent and postevent), recursively, and each value the same JSON type
     * (an integer where cPanel sends an integer, a string where it sends a string). Arrays compare their first
     * elements.
     */
    static void assertSameShape(JsonNode cpanel, JsonNode ours) {
        assertSameShape("", cpanel, ours);
    }

    private static void assertSameShape(String path, JsonNode cpanel, JsonNode ours) {
        assertEquals(cpanel.getNodeType(), ours.getNodeType(), path + ": " + ours);
        if (cpanel.isObject()) {
            Set<String> expected = new TreeSet<>(keys(cpanel));
            expected.removeAll(List.of("preevent", "postevent"));
            assertEquals(expected, new TreeSet<>(keys(ours)), path + ": " + ours);
            for (String key : expected) {
                assertSameShape(path + "." + key, cpanel.get(key), ours.get(key));
            }
        } else if (cpanel.isArray()) {
            assertEquals(cpanel.size() == 0, ours.size() == 0, path + ": " + ours);
            if (cpanel.size() > 0) {
                assertSameShape(path + "[0]", cpanel.get(0), ours.get(0));
            }
        } else if (cpanel.isNumber()) {
            assertEquals(cpanel.isIntegralNumber(), ours.isIntegralNumber(), path + ": " + ours);
        }
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    static String uapiBody(TestAccount account, String token, String module, String function, Map<String, ?> args) {
        return account.withToken(token).queryParams(args).get("/execute/" + module + "/" + function).then().statusCode(200).extract()
                .asString();
    }

    /** DomainInfo::list_domains's data. */
    static JsonNode listDomains(TestAccount account, String token) {
        return Uapi.success(uapiBody(account, token, "DomainInfo", "list_domains", Map.of())).get("data");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.textValue()));
        return values;
    }

    static JsonNode list(TestAccount account, String token, String module, String function) {
        return api2Body(account, token, module, function, Map.of()).get("cpanelresult").get("data");
    }

    /** The addresses PowerDNS serves for {@code name}. */
    static List<String> a(String name) throws Exception {
        List<String> addresses = new ArrayList<>();
        pdns.query(name + ".", Type.A).records().forEach(r -> addresses.add(((ARecord) r).getAddress().getHostAddress()));
        return addresses;
    }

    /** Whether PowerDNS answers for the zone {@code domain} (its SOA). */
    static boolean zoneServed(String domain) throws Exception {
        return pdns.query(domain + ".", Type.SOA).records().stream().anyMatch(r -> r.getType() == Type.SOA);
    }

    static String newPlan(Map<String, Object> limits) {
        String name = "plan-" + Fixtures.randomSuffix(8);
        Map<String, Object> body = new HashMap<>(limits);
        body.put("name", name);
        asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/plans").then().statusCode(201);
        return name;
    }

    static void assign(TestAccount account, String plan) {
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + account.username() + "/plan").then()
                .statusCode(200);
    }

    /** An account (made as Fixtures.newAccount makes one) whose main domain is {@code domain}. */
    static TestAccount accountWithDomain(String domain) {
        String username = Fixtures.uniqueUsername();
        String password = "pw-" + Fixtures.randomSuffix(16);
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(username, password, domain);
    }

    static Map<String, String> args(String... pairs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(pairs[i], pairs[i + 1]);
        }
        return args;
    }

    // ---- SubDomain -------------------------------------------------------------------------------------------

    @Test
    void api2AddsubdomainAddsTheRecordAndDomainInfoShowsIt() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String blog = "blog." + alice.domain();
        assertTrue(a(blog).isEmpty());

        String reason = api2Done(alice, token, "SubDomain", "addsubdomain", "addsubdomain",
                args("domain", "Blog", "rootdomain", alice.domain(), "dir", "/public_html/blog"));
        assertEquals("The subdomain, " + blog + " has been added.", reason); // cPanel's last sentence

        assertEquals(List.of(IP), a(blog), "PowerDNS serves the new A record at once");
        assertEquals(List.of(blog), strings(listDomains(alice, token).get("sub_domains")));
        JsonNode vhost = Uapi.success(uapiBody(alice, token, "DomainInfo", "single_domain_data", Map.of("domain", blog))).get("data");
        assertEquals(alice.home() + "/public_html/blog", vhost.get("documentroot").textValue(), "dir took effect");
        JsonNode row = list(alice, token, "SubDomain", "listsubdomains").get(0);
        assertEquals("blog_" + alice.domain(), row.get("domainkey").textValue());
        assertEquals("public_html/blog", row.get("basedir").textValue());
    }

    @Test
    void api2DelsubdomainTakesTheDomainkeyOrTheFullNameAndRemovesTheRecords() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        for (String label : List.of("one", "two")) {
            api2Done(alice, token, "SubDomain", "addsubdomain", "addsubdomain", args("domain", label, "rootdomain", alice.domain()));
        }
        assertEquals(List.of(IP), a("one." + alice.domain()));

        assertEquals("The subdomain, one." + alice.domain() + " has been removed.",
                api2Done(alice, token, "SubDomain", "delsubdomain", "delsubdomain", args("domain", "one_" + alice.domain())));
        assertEquals("The subdomain, two." + alice.domain() + " has been removed.",
                api2Done(alice, token, "SubDomain", "delsubdomain", "delsubdomain", args("domain", "two." + alice.domain())));

        assertTrue(a("one." + alice.domain()).isEmpty());
        assertTrue(a("two." + alice.domain()).isEmpty());
        assertEquals(List.of(IP), a(alice.domain()), "the rest of the zone stays");
        assertEquals("[]", listDomains(alice, token).get("sub_domains").toString());
        assertEquals("[]", list(alice, token, "SubDomain", "listsubdomains").toString());
        api2Refused(alice, token, "SubDomain", "delsubdomain", args("domain", "one_" + alice.domain()),
                "The account “" + alice.username() + "” has no subdomain “one." + alice.domain() + "”."); // OpenUAPI's words
    }

    @Test
    void subdomainRefusalsUseCpanelsWords() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        // Cpanel::SubDomain::_addsubdomain's checks and texts
        api2Rejected(alice, token, "SubDomain", "addsubdomain", args("domain", "blog"), "You must specify a main domain.");
        api2Rejected(alice, token, "SubDomain", "addsubdomain", args("rootdomain", alice.domain(), "domain", ""),
                "You must specify a subdomain.");
        api2Rejected(alice, token, "SubDomain", "delsubdomain", Map.of(), "You must specify a subdomain.");
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "www", "rootdomain", alice.domain()),
                "You cannot create the “www” subdomain, because the system adds the “www” subdomain to all newly-created domains.");
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "blog", "rootdomain", alice.domain(), "dir", "/etc"),
                "The system reserves the “" + alice.home() + "/etc” document root. You must specify a document root that the "
                        + "system does not reserve.");
        // OpenUAPI's own refusals: a document root outside the home directory, and UseCanonicalName On
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "blog", "rootdomain", alice.domain(), "dir", "../other"),
                "“../other” may not leave the home directory.");
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "blog", "rootdomain", alice.domain(), "dir", "public_html/a\"b"),
                "“public_html/a\"b” is not a valid directory: use letters, digits, dots, dashes, underscores, ~, + and @.");
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "blog", "rootdomain", alice.domain(), "canoff", "0"),
                "OpenUAPI serves every domain with UseCanonicalName Off: canoff must be 1.");
        // disallowdot removes the label's dots, as cPanel does
        api2Done(alice, token, "SubDomain", "addsubdomain", "addsubdomain",
                args("domain", "a.b", "rootdomain", alice.domain(), "disallowdot", "1", "canoff", "1"));
        // and a leading www. comes off (www alone is refused above)
        assertEquals("The subdomain, news." + alice.domain() + " has been added.", api2Done(alice, token, "SubDomain", "addsubdomain",
                "addsubdomain", args("domain", "www.news.", "rootdomain", alice.domain())));
        assertEquals(List.of("ab." + alice.domain(), "news." + alice.domain()), strings(listDomains(alice, token).get("sub_domains")));
        assertTrue(a("blog." + alice.domain()).isEmpty(), "no refused call left a record");
    }

    @Test
    void uapiAddsubdomainTakesDirAndDelsubdomainRemoves() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String shop = "shop." + alice.domain();
        // UAPI SubDomain::addsubdomain and delsubdomain return no data (cPanel's UAPI reference: status, errors, messages)
        JsonNode added = Uapi.success(uapiBody(alice, token, "SubDomain", "addsubdomain",
                args("domain", "shop", "rootdomain", alice.domain(), "dir", "public_html/shop")));
        assertTrue(added.get("data").isNull(), added.toString());
        assertEquals(alice.home() + "/public_html/shop", Uapi.success(uapiBody(alice, token, "DomainInfo",
                "single_domain_data", Map.of("domain", shop))).get("data").get("documentroot").textValue());
        assertEquals(List.of(IP), a(shop));

        JsonNode removed = Uapi.success(uapiBody(alice, token, "SubDomain", "delsubdomain", args("domain", "shop_" + alice.domain())));
        assertTrue(removed.get("data").isNull(), removed.toString());
        assertTrue(a(shop).isEmpty());
        assertEquals("[]", listDomains(alice, token).get("sub_domains").toString());
        Uapi.failure(uapiBody(alice, token, "SubDomain", "addsubdomain", args("domain", "x")), "You must specify a main domain.");
    }

    // ---- AddonDomain -----------------------------------------------------------------------------------------

    @Test
    void api2AddaddondomainCreatesTheZoneAndDeladdondomainRemovesIt() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addon = "shop-" + Fixtures.randomSuffix(8) + ".test";
        assertFalse(zoneServed(addon));

        assertEquals(addon + " was successfully parked on top of shop." + alice.domain(),
                api2Done(alice, token, "AddonDomain", "addaddondomain", "addaddondomain",
                        args("newdomain", addon, "subdomain", "shop", "dir", "/public_html/" + addon)));

        assertTrue(zoneServed(addon), "PowerDNS serves the addon domain's new zone at once");
        assertEquals(List.of(IP), a(addon));
        assertEquals(List.of(addon), strings(listDomains(alice, token).get("addon_domains")));
        JsonNode row = list(alice, token, "AddonDomain", "listaddondomains").get(0);
        assertEquals("shop." + alice.domain(), row.get("fullsubdomain").textValue());
        assertEquals("shop_" + alice.domain(), row.get("domainkey").textValue());
        assertEquals("public_html/" + addon, row.get("basedir").textValue());

        // the domainkey that listaddondomains gives is what deladdondomain takes (cPanel's reference)
        api2Refused(alice, token, "AddonDomain", "deladdondomain", args("domain", addon, "subdomain", "other_" + alice.domain()),
                "The subdomain other." + alice.domain() + " does not correspond to " + addon + ".");
        assertEquals("The subdomain, shop." + alice.domain() + " has been removed.",
                api2Done(alice, token, "AddonDomain", "deladdondomain", "deladdondomain",
                        args("domain", addon, "subdomain", row.get("domainkey").textValue())));

        assertFalse(zoneServed(addon), "the zone is gone from PowerDNS's tables");
        assertEquals("[]", listDomains(alice, token).get("addon_domains").toString());
        assertEquals("[]", list(alice, token, "AddonDomain", "listaddondomains").toString());
    }

    @Test
    void addonDomainsSharingASubdomainAndTheSubdomainItself() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String first = "one-" + Fixtures.randomSuffix(8) + ".test";
        String second = "two-" + Fixtures.randomSuffix(8) + ".test";
        for (String addon : List.of(first, second)) {
            api2Done(alice, token, "AddonDomain", "addaddondomain", "addaddondomain", args("newdomain", addon, "subdomain", "shop"));
        }
        // the subdomain an addon domain is parked on is not the account's to create or remove (cPanel's words)
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "shop", "rootdomain", alice.domain()),
                "The domain “shop." + alice.domain() + "” already exists on this server.");
        api2Refused(alice, token, "SubDomain", "delsubdomain", args("domain", "shop_" + alice.domain()),
                "The “shop” subdomain links to the following addon domains: “" + first + "” and “" + second
                        + "”. You must remove the addon domains before you remove the subdomain.");

        // cPanel (api2_deladdondomain): the subdomain stays while another addon domain is parked on it; result 1, and
        // the reason in error as well
        JsonNode body = api2Body(alice, token, "AddonDomain", "deladdondomain", args("domain", first, "subdomain", "shop_" + alice.domain()));
        String kept = first + " was successfully unparked\nSubdomain shop_" + alice.domain()
                + " was not removed because other domains are parked on top of it";
        assertSameShape(Fixtures.json(CPANEL.get("park refused")), body);
        assertEquals(1, body.get("cpanelresult").get("data").get(0).get("result").intValue());
        assertEquals(kept, body.get("cpanelresult").get("data").get(0).get("reason").textValue());
        assertEquals(kept, body.get("cpanelresult").get("error").textValue());
        assertFalse(zoneServed(first));
        assertTrue(zoneServed(second));

        // UAPI says so in messages
        JsonNode third = Uapi.success(uapiBody(alice, token, "AddonDomain", "addaddondomain", args("newdomain", first, "subdomain", "shop")));
        assertEquals("{\"domain\":\"" + first + "\"}", third.get("data").toString());
        JsonNode removed = Uapi.success(uapiBody(alice, token, "AddonDomain", "deladdondomain",
                args("domain", second, "subdomain", "shop." + alice.domain())));
        assertEquals(1, removed.get("messages").size(), removed.toString());
        assertEquals(second + " was successfully unparked\nSubdomain shop_" + alice.domain()
                + " was not removed because other domains are parked on top of it", removed.get("messages").get(0).textValue());
        assertTrue(removed.get("data").isNull());
        assertEquals(List.of(first), strings(listDomains(alice, token).get("addon_domains")));
    }

    @Test
    void addonRefusalsUseCpanelsWords() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addon = "x-" + Fixtures.randomSuffix(8) + ".test";
        // Cpanel::AddonDomain, Cpanel::SubDomain and Cpanel::Park's texts
        api2Rejected(alice, token, "AddonDomain", "addaddondomain", args("newdomain", addon), "You must specify a subdomain.");
        api2Rejected(alice, token, "AddonDomain", "addaddondomain", args("subdomain", "x"), "domain not specified");
        api2Refused(alice, token, "AddonDomain", "addaddondomain", args("newdomain", addon, "subdomain", "*"),
                "You cannot create a wildcard addon domain.");
        // an account whose main domain lies under the would-be addon domain
        String apex = "ap" + Fixtures.randomSuffix(10) + ".test";
        TestAccount carol = accountWithDomain("www2." + apex);
        String carolToken = carol.newToken();
        api2Refused(carol, carolToken, "AddonDomain", "addaddondomain", args("newdomain", apex, "subdomain", "x"),
                "Primary domain may not be subdomain of addon domain.");
        assertFalse(zoneServed(apex));
        api2Rejected(alice, token, "AddonDomain", "deladdondomain", args("domain", addon),
                "The subdomain and domain parameters must exist and be non-empty.");
        api2Rejected(alice, token, "AddonDomain", "deladdondomain", args("domain", "", "subdomain", "x_" + alice.domain()),
                "The subdomain and domain parameters must exist and be non-empty.");
        // UAPI: the standard missing-argument words
        Uapi.failure(uapiBody(alice, token, "AddonDomain", "addaddondomain", args("subdomain", "x")), "Provide the “newdomain” argument.");
        // disallowdot: the main domain comes off the subdomain, then its dots
        api2Done(alice, token, "AddonDomain", "addaddondomain", "addaddondomain",
                args("newdomain", addon, "subdomain", "a.b." + alice.domain(), "disallowdot", "1"));
        assertEquals("ab." + alice.domain(), list(alice, token, "AddonDomain", "listaddondomains").get(0).get("fullsubdomain").textValue());
        assertEquals(List.of(addon), strings(listDomains(alice, token).get("addon_domains")), "no refused call left a domain");
    }

    // ---- Park ------------------------------------------------------------------------------------------------

    @Test
    void api2ParkAndUnpark() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String alias = "alias-" + Fixtures.randomSuffix(8) + ".test";

        // a leading www. comes off and the name is lowercased (cPanel's Park::_park)
        assertEquals(alias + " was successfully parked on top of " + alice.domain(),
                api2Done(alice, token, "Park", "park", "park", args("domain", "WWW." + alias.toUpperCase())));
        assertTrue(zoneServed(alias));
        assertEquals(List.of(alias), strings(listDomains(alice, token).get("parked_domains")));
        assertEquals(alias, list(alice, token, "Park", "listparkeddomains").get(0).get("domain").textValue());
        JsonNode mainVhost = Uapi.success(uapiBody(alice, token, "DomainInfo", "domains_data", Map.of())).get("data").get("main_domain");
        assertEquals(alias + " www." + alias + " www." + alice.domain(), mainVhost.get("serveralias").textValue(),
                "the main domain's vhost answers for the alias at once");

        // parking it again: refused in cPanel's refusal shape (the words are OpenUAPI's)
        api2Refused(alice, token, "Park", "park", args("domain", alias), "The domain “" + alias + "” already exists on this server.");

        assertEquals(alias + " was successfully unparked", api2Done(alice, token, "Park", "unpark", "unpark", args("domain", alias)));
        assertFalse(zoneServed(alias));
        assertEquals("[]", listDomains(alice, token).get("parked_domains").toString());
        api2Refused(alice, token, "Park", "unpark", args("domain", alias),
                "The account “" + alice.username() + "” has no domain “" + alias + "”.");
        api2Rejected(alice, token, "Park", "park", Map.of(), "domain not specified");
    }

    @Test
    void parkingOnATopdomainMakesAnAddonDomain() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addon = "top-" + Fixtures.randomSuffix(8) + ".test";
        assertEquals(addon + " was successfully parked on top of shop." + alice.domain(),
                api2Done(alice, token, "Park", "park", "park", args("domain", addon, "topdomain", "sh.op", "disallowdot", "1")));
        JsonNode row = list(alice, token, "AddonDomain", "listaddondomains").get(0);
        assertEquals(addon, row.get("domain").textValue());
        assertEquals("shop." + alice.domain(), row.get("fullsubdomain").textValue());
        assertTrue(zoneServed(addon));
        // unpark with the subdomain it is parked on: it must be that one
        api2Refused(alice, token, "Park", "unpark", args("domain", addon, "subdomain", "other_" + alice.domain()),
                "The subdomain other." + alice.domain() + " does not correspond to " + addon + ".");
        api2Done(alice, token, "Park", "unpark", "unpark", args("domain", addon, "subdomain", "shop_" + alice.domain()));
        assertFalse(zoneServed(addon));
        assertEquals("[]", listDomains(alice, token).get("addon_domains").toString());
    }

    @Test
    void uapiParkAndUnpark() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String alias = "alias-" + Fixtures.randomSuffix(8) + ".test";
        // cPanel 138's UAPI Park::park and Park::unpark: no data; status and errors tell
        // force=1 (overwrite) is refused, never accepted and ignored; force=0 is the only behaviour OpenUAPI has
        Uapi.failure(uapiBody(alice, token, "Park", "park", args("domain", alias, "force", "1")), ParkModule.FORCE_REFUSED);
        assertFalse(zoneServed(alias));
        JsonNode parked = Uapi.success(uapiBody(alice, token, "Park", "park", args("domain", alias, "force", "0")));
        assertTrue(parked.get("data").isNull());
        assertTrue(zoneServed(alias));
        Uapi.failure(uapiBody(alice, token, "Park", "park", args("domain", alias)),
                "The domain “" + alias + "” already exists on this server.");
        Uapi.failure(uapiBody(alice, token, "AddonDomain", "addaddondomain", args("newdomain", "other-" + alias, "subdomain", "other",
                "force", "1")), ParkModule.FORCE_REFUSED);
        JsonNode unparked = Uapi.success(uapiBody(alice, token, "Park", "unpark", args("domain", alias)));
        assertTrue(unparked.get("data").isNull());
        assertFalse(zoneServed(alias));
        Uapi.failure(uapiBody(alice, token, "Park", "park", Map.of()), "Provide the “domain” argument.");
    }

    // ---- the operator's rules --------------------------------------------------------------------------------

    @Test
    void anotherAccountsDomainsAreRefusedAndStayAsTheyAre() throws Exception {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        String bobToken = bob.newToken();
        api2Done(bob, bobToken, "SubDomain", "addsubdomain", "addsubdomain", args("domain", "blog", "rootdomain", bob.domain()));
        String bobsAlias = "bobs-" + Fixtures.randomSuffix(8) + ".test";
        api2Done(bob, bobToken, "Park", "park", "park", args("domain", bobsAlias));
        String bobsAddon = "bobs-" + Fixtures.randomSuffix(8) + ".test";
        api2Done(bob, bobToken, "AddonDomain", "addaddondomain", "addaddondomain", args("newdomain", bobsAddon, "subdomain", "bobs"));

        String related = "” is a parent or a subdomain of a domain of another account.";
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "x", "rootdomain", bob.domain()),
                "“" + bob.domain() + "” is not a domain of this account.");
        api2Refused(alice, token, "AddonDomain", "addaddondomain", args("newdomain", "shop." + bob.domain(), "subdomain", "shop"),
                "The domain “shop." + bob.domain() + related);
        api2Refused(alice, token, "Park", "park", args("domain", "deep.www." + bobsAlias), "The domain “deep.www." + bobsAlias + related);
        api2Refused(alice, token, "Park", "park", args("domain", bobsAddon), "The domain “" + bobsAddon + "” already exists on this server.");
        api2Refused(alice, token, "SubDomain", "delsubdomain", args("domain", "blog_" + bob.domain()),
                "The account “" + alice.username() + "” has no subdomain “blog." + bob.domain() + "”.");
        api2Refused(alice, token, "Park", "unpark", args("domain", bobsAlias),
                "The account “" + alice.username() + "” has no domain “" + bobsAlias + "”.");
        api2Refused(alice, token, "AddonDomain", "deladdondomain", args("domain", bobsAddon, "subdomain", "bobs_" + bob.domain()),
                "The account “" + alice.username() + "” has no domain “" + bobsAddon + "”.");
        Uapi.failure(uapiBody(alice, token, "Park", "unpark", args("domain", bobsAlias)),
                "The account “" + alice.username() + "” has no domain “" + bobsAlias + "”.");

        // bob's domains and DNS are untouched; alice has nothing new
        assertEquals(List.of(IP), a("blog." + bob.domain()));
        assertTrue(zoneServed(bobsAlias) && zoneServed(bobsAddon));
        JsonNode bobs = listDomains(bob, bobToken);
        assertEquals(List.of(bobsAddon), strings(bobs.get("addon_domains")));
        assertEquals(List.of(bobsAlias), strings(bobs.get("parked_domains")));
        assertEquals(List.of("blog." + bob.domain()), strings(bobs.get("sub_domains")));
        assertEquals("{\"main_domain\":\"" + alice.domain() + "\",\"addon_domains\":[],\"parked_domains\":[],\"sub_domains\":[]}",
                listDomains(alice, token).toString());
    }

    @Test
    void thePlansLimitsHoldAndARefusedChangeLeavesNoDns() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assign(alice, newPlan(Map.of("max_subdomains", 1, "max_addon_domains", 0, "max_parked_domains", 1)));
        api2Done(alice, token, "SubDomain", "addsubdomain", "addsubdomain", args("domain", "one", "rootdomain", alice.domain()));
        // OpenUAPI's words for every plan limit (PlanService)
        api2Refused(alice, token, "SubDomain", "addsubdomain", args("domain", "two", "rootdomain", alice.domain()),
                "The account has reached its plan’s limit of 1 subdomains.");
        String addon = "lim-" + Fixtures.randomSuffix(8) + ".test";
        api2Refused(alice, token, "AddonDomain", "addaddondomain", args("newdomain", addon, "subdomain", "lim"),
                "The account has reached its plan’s limit of 0 addon domains.");
        api2Refused(alice, token, "Park", "park", args("domain", addon, "topdomain", "lim"),
                "The account has reached its plan’s limit of 0 addon domains.");
        String alias = "lim-" + Fixtures.randomSuffix(8) + ".test";
        api2Done(alice, token, "Park", "park", "park", args("domain", alias));
        Uapi.failure(uapiBody(alice, token, "Park", "park", args("domain", "more-" + alias)),
                "The account has reached its plan’s limit of 1 parked domains.");

        assertTrue(a("two." + alice.domain()).isEmpty());
        assertFalse(zoneServed(addon));
        assertFalse(zoneServed("more-" + alias));
        JsonNode domains = listDomains(alice, token);
        assertEquals(List.of("one." + alice.domain()), strings(domains.get("sub_domains")));
        assertEquals("[]", domains.get("addon_domains").toString());
        assertEquals(List.of(alias), strings(domains.get("parked_domains")));
    }

    @Test
    void eachChangeNeedsItsFeature() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "addondomains")));
        api2Rejected(alice, token, "SubDomain", "addsubdomain", args("domain", "x", "rootdomain", alice.domain()),
                "You do not have the feature “subdomains”.");
        Uapi.failure(uapiBody(alice, token, "SubDomain", "delsubdomain", args("domain", "x_" + alice.domain())),
                "You do not have the feature “subdomains”.");
        String alias = "feat-" + Fixtures.randomSuffix(8) + ".test";
        // Park::park on the main domain needs parkeddomains; on a subdomain, parkeddomains or addondomains (cPanel's Park.pm)
        api2Refused(alice, token, "Park", "park", args("domain", alias), "You do not have the feature “parkeddomains”.");
        api2Done(alice, token, "Park", "park", "park", args("domain", alias, "topdomain", "feat"));
        api2Done(alice, token, "Park", "unpark", "unpark", args("domain", alias));

        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        api2Rejected(alice, token, "AddonDomain", "addaddondomain", args("newdomain", alias, "subdomain", "feat"),
                "You do not have the feature “addondomains”.");
        api2Refused(alice, token, "Park", "unpark", args("domain", alias),
                "You do not have the feature “parkeddomains” or the feature “addondomains”.");
        assertFalse(zoneServed(alias));
    }
}
