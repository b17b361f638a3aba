package dev.openuapi.domain;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The operator's domain API, {@code /api/v1/accounts/{user}/domains}: adding addon, parked and sub domains,
 * listing and removing them, the DNS each change makes, and every refusal. This REST API is OpenUAPI's own: its
 * views, status codes and problem details are OpenUAPI's choices, not cPanel's. The zone contents follow cPanel
 * (ZoneEdit::fetchzone_records rows, spec §9.2).
 */
@QuarkusTest
class DomainResourceTest {

    /** openuapi.dns.account-ip and default-ttl: the defaults, which the test profile keeps. */
    static final String IP = "192.0.2.1";
    static final int TTL = 14400;

    static String path(String username) {
        return "/api/v1/accounts/" + username + "/domains";
    }

    static Response post(String username, Map<String, ?> body) {
        return asRoot().contentType(ContentType.JSON).body(body).post(path(username));
    }

    static Map<String, Object> request(String domain, String type, String rootDomain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("type", type);
        if (rootDomain != null) {
            body.put("rootdomain", rootDomain);
        }
        return body;
    }

    /** Adds a domain, checks the 201 and its Location, and returns the body. */
    static JsonNode add(String username, String domain, String type, String rootDomain) {
        Response response = post(username, request(domain, type, rootDomain));
        response.then().statusCode(201).contentType(ContentType.JSON);
        JsonNode body = Fixtures.json(response.asString());
        assertTrue(response.header("Location").endsWith(path(username) + "/" + body.get("domain").textValue()),
                response.header("Location"));
        return body;
    }

    /** A refusal in application/problem+json with exactly this status and detail. */
    static void assertProblem(Response response, int status, String detail) {
        response.then().statusCode(status).contentType("application/problem+json");
        JsonNode problem = Fixtures.json(response.asString());
        assertEquals(status, problem.get("status").intValue(), problem.toString());
        assertEquals(detail, problem.get("detail").textValue(), problem.toString());
    }

    static List<String> names(String username) {
        JsonNode list = Fixtures.json(asRoot().get(path(username)).then().statusCode(200).extract().asString());
        List<String> names = new ArrayList<>();
        list.forEach(d -> names.add(d.get("domain").textValue()));
        return names;
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    static JsonNode api2(TestAccount account, String token, String module, String function, Map<String, ?> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_module", module).queryParam("cpanel_jsonapi_func", function)
                .queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    static List<String> zones(TestAccount account, String token) {
        JsonNode result = api2(account, token, "ZoneEdit", "fetchzones", Map.of());
        assertEquals(1, result.get("event").get("result").intValue(), result.toString());
        List<String> zones = new ArrayList<>();
        result.get("data").get(0).get("zones").fieldNames().forEachRemaining(zones::add);
        zones.sort(null);
        return zones;
    }

    static void assertView(JsonNode view, String domain, String type, String parent, String documentRoot, long from, long to) {
        assertEquals(List.of("domain", "type", "parent", "documentroot", "created_at"), keys(view), view.toString());
        assertEquals(domain, view.get("domain").textValue());
        assertEquals(type, view.get("type").textValue());
        if (parent == null) {
            assertTrue(view.get("parent").isNull(), view.toString());
        } else {
            assertEquals(parent, view.get("parent").textValue());
        }
        assertEquals(documentRoot, view.get("documentroot").textValue());
        assertTrue(view.get("created_at").isIntegralNumber(), view.toString());
        long createdAt = view.get("created_at").longValue();
        assertTrue(createdAt >= from && createdAt <= to, "created_at " + createdAt + " in [" + from + ", " + to + "]");
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void addAddonParkedAndSubDomainsThenListThem() {
        TestAccount alice = newAccount();
        String home = alice.home();
        String addon = "Shop-" + alice.domain();
        String parked = "alias-" + alice.domain() + ".";
        long from = now();
        JsonNode addonView = add(alice.username(), addon, "addon_domain", null);
        JsonNode parkedView = add(alice.username(), parked, "parked_domain", null);
        JsonNode subView = add(alice.username(), "Blog", "sub_domain", alice.domain());
        JsonNode fullSubView = add(alice.username(), "news." + alice.domain(), "sub_domain", alice.domain());
        long to = now();

        String addonName = "shop-" + alice.domain();
        String parkedName = "alias-" + alice.domain();
        assertView(addonView, addonName, "addon_domain", "shop-" + alice.username(), home + "/" + addonName, from, to);
        assertView(parkedView, parkedName, "parked_domain", null, home + "/public_html", from, to);
        assertView(subView, "blog." + alice.domain(), "sub_domain", alice.domain(), home + "/blog." + alice.domain(), from, to);
        assertView(fullSubView, "news." + alice.domain(), "sub_domain", alice.domain(), home + "/news." + alice.domain(), from, to);

        JsonNode list = Fixtures.json(asRoot().get(path(alice.username())).then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString());
        assertEquals(5, list.size(), list.toString());
        assertView(list.get(0), alice.domain(), "main_domain", null, home + "/public_html", from - 60, to);
        assertEquals(addonView.toString(), list.get(1).toString());
        assertEquals(parkedView.toString(), list.get(2).toString());
        assertEquals(subView.toString(), list.get(3).toString());
        assertEquals(fullSubView.toString(), list.get(4).toString());
    }

    @Test
    void addonAndParkedDomainsGetTheirOwnZone() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals(List.of(alice.domain()), zones(alice, token));
        add(alice.username(), "addon-" + alice.domain(), "addon_domain", null);
        add(alice.username(), "parked-" + alice.domain(), "parked_domain", null);
        add(alice.username(), "blog", "sub_domain", alice.domain());
        List<String> expected = new ArrayList<>(List.of(alice.domain(), "addon-" + alice.domain(), "parked-" + alice.domain()));
        expected.sort(null);
        assertEquals(expected, zones(alice, token), "a subdomain has no zone of its own");
    }

    @Test
    void addingASubdomainAddsAnARecordToItsParentZone() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String fqdn = "blog." + alice.domain() + ".";
        Map<String, String> filter = Map.of("domain", alice.domain(), "type", "A", "name", fqdn);
        assertEquals(0, api2(alice, token, "ZoneEdit", "fetchzone_records", filter).get("data").size());

        add(alice.username(), "blog", "sub_domain", alice.domain());

        JsonNode records = api2(alice, token, "ZoneEdit", "fetchzone_records", filter).get("data");
        assertEquals(1, records.size(), records.toString());
        JsonNode record = records.get(0);
        assertEquals(fqdn, record.get("name").textValue());
        assertEquals("A", record.get("type").textValue());
        assertEquals("IN", record.get("class").textValue());
        assertEquals(TTL, record.get("ttl").intValue());
        assertEquals(IP, record.get("address").textValue());
        assertEquals(IP, record.get("record").textValue());

        // a subdomain of an addon domain goes into the addon domain's zone, not the main one
        String addon = "addon-" + alice.domain();
        add(alice.username(), addon, "addon_domain", null);
        add(alice.username(), "shop", "sub_domain", addon);
        assertEquals(1, api2(alice, token, "ZoneEdit", "fetchzone_records",
                Map.of("domain", addon, "type", "A", "name", "shop." + addon + ".")).get("data").size());
        assertEquals(0, api2(alice, token, "ZoneEdit", "fetchzone_records",
                Map.of("domain", alice.domain(), "type", "A", "name", "shop." + addon + ".")).get("data").size());
    }

    @Test
    void aDomainBelongsToOneAccountOnly() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String addon = "taken-" + alice.domain();
        add(alice.username(), addon, "addon_domain", null);

        assertProblem(post(bob.username(), request(addon, "addon_domain", null)), 409,
                "The domain “" + addon + "” already exists on this server.");
        assertProblem(post(bob.username(), request(addon.toUpperCase(), "parked_domain", null)), 409,
                "The domain “" + addon + "” already exists on this server.");
        assertProblem(post(bob.username(), request(alice.domain(), "parked_domain", null)), 409,
                "The domain “" + alice.domain() + "” already exists on this server.");
        assertProblem(post(alice.username(), request(addon, "addon_domain", null)), 409,
                "The domain “" + addon + "” already exists on this server.");
        add(alice.username(), "blog", "sub_domain", alice.domain());
        assertProblem(post(alice.username(), request("blog", "sub_domain", alice.domain())), 409,
                "The domain “blog." + alice.domain() + "” already exists on this server.");

        assertEquals(List.of(bob.domain()), names(bob.username()));
        assertEquals(List.of(alice.domain(), addon, "blog." + alice.domain()), names(alice.username()));
    }

    @Test
    void invalidTypesAndNamesAreRefusedAndStoreNothing() {
        TestAccount alice = newAccount();
        String types = "The domain type must be addon_domain, parked_domain or sub_domain.";
        assertProblem(post(alice.username(), request("x-" + alice.domain(), "main_domain", null)), 400, types);
        assertProblem(post(alice.username(), request("x-" + alice.domain(), "alias", null)), 400, types);
        assertProblem(post(alice.username(), request("x-" + alice.domain(), null, null)), 400, types);
        assertProblem(post(alice.username(), request("not a domain", "addon_domain", null)), 400,
                "“not a domain” is not a valid domain name.");
        assertProblem(post(alice.username(), request("nodot", "parked_domain", null)), 400, "“nodot” is not a valid domain name.");
        post(alice.username(), request(null, "addon_domain", null)).then().statusCode(400).contentType("application/problem+json");
        assertProblem(post(alice.username(), request("bad_label!", "sub_domain", alice.domain())), 400,
                "“bad_label!." + alice.domain() + "” is not a valid domain name.");
        assertProblem(post(alice.username(), request("", "sub_domain", alice.domain())), 400, "“” is not a valid subdomain.");
        assertProblem(post(alice.username(), request("blog", "sub_domain", null)), 400,
                "A subdomain needs its root domain (rootdomain).");
        // cPanel reserves www (Cpanel::Validate::SubDomain), in its words, on every face
        assertProblem(post(alice.username(), request("www", "sub_domain", alice.domain())), 400,
                "You cannot create the “www” subdomain, because the system adds the “www” subdomain to all newly-created domains.");
        asRoot().contentType(ContentType.JSON).body("[]").post(path(alice.username())).then().statusCode(400)
                .contentType("application/problem+json");
        asRoot().contentType(ContentType.JSON).post(path(alice.username())).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(List.of(alice.domain()), names(alice.username()));
    }

    @Test
    void aSubdomainMustLiveUnderADomainOfTheSameAccount() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        assertProblem(post(alice.username(), request("blog", "sub_domain", bob.domain())), 400,
                "“" + bob.domain() + "” is not a domain of this account.");
        String unknown = "nobody-" + Fixtures.randomSuffix(10) + ".example";
        assertProblem(post(alice.username(), request("blog", "sub_domain", unknown)), 400,
                "“" + unknown + "” is not a domain of this account.");
        assertProblem(post(alice.username(), request("blog." + bob.domain(), "sub_domain", bob.domain())), 400,
                "“" + bob.domain() + "” is not a domain of this account.");
        assertEquals(List.of(alice.domain()), names(alice.username()));
        assertEquals(List.of(bob.domain()), names(bob.username()));
    }

    @Test
    void theMainDomainCannotBeRemoved() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertProblem(asRoot().delete(path(alice.username()) + "/" + alice.domain()), 400,
                "The main domain cannot be removed; remove the account instead.");
        assertEquals(List.of(alice.domain()), names(alice.username()));
        assertEquals(List.of(alice.domain()), zones(alice, token));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        String nobody = Fixtures.uniqueUsername();
        String detail = "The account “" + nobody + "” does not exist.";
        assertProblem(asRoot().get(path(nobody)), 404, detail);
        assertProblem(post(nobody, request("x-" + nobody + ".example", "addon_domain", null)), 404, detail);
        assertProblem(asRoot().delete(path(nobody) + "/x-" + nobody + ".example"), 404, detail);
    }

    @Test
    void removingAnotherAccountsOrAnUnknownDomainIsNotFound() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String addon = "bobs-" + bob.domain();
        add(bob.username(), addon, "addon_domain", null);
        assertProblem(asRoot().delete(path(alice.username()) + "/" + addon), 404,
                "The account “" + alice.username() + "” has no domain “" + addon + "”.");
        assertProblem(asRoot().delete(path(alice.username()) + "/" + bob.domain()), 404,
                "The account “" + alice.username() + "” has no domain “" + bob.domain() + "”.");
        assertProblem(asRoot().delete(path(alice.username()) + "/never-" + alice.domain()), 404,
                "The account “" + alice.username() + "” has no domain “never-" + alice.domain() + "”.");
        assertEquals(List.of(bob.domain(), addon), names(bob.username()));
    }

    @Test
    void removingAnAddonDomainRemovesItsZoneAndItsSubdomains() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addon = "addon-" + alice.domain();
        String parked = "parked-" + alice.domain();
        add(alice.username(), addon, "addon_domain", null);
        add(alice.username(), parked, "parked_domain", null);
        add(alice.username(), "shop", "sub_domain", addon);
        add(alice.username(), "blog", "sub_domain", alice.domain());
        assertTrue(zones(alice, token).contains(addon));

        asRoot().delete(path(alice.username()) + "/" + addon).then().statusCode(204);

        List<String> expected = new ArrayList<>(List.of(alice.domain(), parked));
        expected.sort(null);
        assertEquals(expected, zones(alice, token));
        assertEquals(List.of(alice.domain(), parked, "blog." + alice.domain()), names(alice.username()));
        JsonNode gone = api2(alice, token, "ZoneEdit", "fetchzone_records", Map.of("domain", addon));
        assertEquals(0, gone.get("event").get("result").intValue(), gone.toString());
        assertProblem(asRoot().delete(path(alice.username()) + "/" + addon), 404,
                "The account “" + alice.username() + "” has no domain “" + addon + "”.");

        // the name is free again, for another account too
        TestAccount bob = newAccount();
        add(bob.username(), addon, "addon_domain", null);
        assertEquals(List.of(bob.domain(), addon), names(bob.username()));
    }

    @Test
    void removingAParkedDomainAndASubdomain() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String parked = "parked-" + alice.domain();
        add(alice.username(), parked, "parked_domain", null);
        add(alice.username(), "blog", "sub_domain", alice.domain());
        asRoot().delete(path(alice.username()) + "/" + parked.toUpperCase()).then().statusCode(204);
        asRoot().delete(path(alice.username()) + "/blog." + alice.domain()).then().statusCode(204);
        assertEquals(List.of(alice.domain()), names(alice.username()));
        assertEquals(List.of(alice.domain()), zones(alice, token));
    }

    @Test
    void onlyRootMayUseTheDomainApi() {
        TestAccount alice = newAccount();
        given().get(path(alice.username())).then().statusCode(401);
        given().auth().preemptive().basic("root", "wrong-password").get(path(alice.username())).then().statusCode(401);
        alice.withPassword().contentType(ContentType.JSON).body(request("x-" + alice.domain(), "addon_domain", null))
                .post(path(alice.username())).then().statusCode(401);
        String token = alice.newToken();
        alice.withToken(token).delete(path(alice.username()) + "/" + alice.domain()).then().statusCode(403);
        assertEquals(List.of(alice.domain()), names(alice.username()));
    }

    @Test
    void removingASubdomainRemovesItsRecordsFromTheParentZone() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        add(alice.username(), "blog", "sub_domain", alice.domain());
        Map<String, String> filter = Map.of("domain", alice.domain(), "name", "blog." + alice.domain() + ".");
        assertEquals(1, api2(alice, token, "ZoneEdit", "fetchzone_records", filter).get("data").size());
        asRoot().delete(path(alice.username()) + "/blog." + alice.domain()).then().statusCode(204);
        assertEquals(0, api2(alice, token, "ZoneEdit", "fetchzone_records", filter).get("data").size());
        assertEquals(4, api2(alice, token, "ZoneEdit", "fetchzone_records", Map.of("domain", alice.domain())).get("data").size(),
                "the rest of the zone stays");
    }

    @Test
    void aDomainUnderOrAboveAnotherAccountsDomainIsRefused() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        for (String name : List.of("www." + bob.domain(), "deep.www." + bob.domain())) {
            for (String type : List.of("addon_domain", "parked_domain")) {
                assertProblem(post(alice.username(), request(name, type, null)), 409,
                        "The domain “" + name + "” is a parent or a subdomain of a domain of another account.");
            }
        }
        String apex = "z" + Fixtures.randomSuffix(10) + ".test";
        add(bob.username(), "shop." + apex, "addon_domain", null);
        add(bob.username(), "blog." + bob.domain(), "addon_domain", null); // nesting under one's own domain is fine
        assertProblem(post(alice.username(), request(apex, "addon_domain", null)), 409,
                "The domain “" + apex + "” is a parent or a subdomain of a domain of another account.");
        assertEquals(List.of(alice.domain()), names(alice.username()));
    }

    @Test
    void anAccountMayAddItsOwnSubdomainThroughUapi() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        dev.openuapi.support.Uapi.success(alice.withToken(token).formParam("domain", "shop").formParam("rootdomain", alice.domain())
                .post("/execute/SubDomain/addsubdomain").asString());
        assertEquals(List.of(alice.domain(), "shop." + alice.domain()), names(alice.username()));
        dev.openuapi.support.Uapi.failure(alice.withToken(token).formParam("domain", "x").formParam("rootdomain", bob.domain())
                .post("/execute/SubDomain/addsubdomain").asString(), "“" + bob.domain() + "” is not a domain of this account.");
    }
}
