package dev.openuapi.domain;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI {@code DomainInfo} (list_domains, domains_data, single_domain_data) and the API 2 domain lists
 * ({@code SubDomain::listsubdomains}, {@code Park::listparkeddomains}, {@code AddonDomain::listaddondomains}),
 * on accounts whose domains the operator adds through {@code /api/v1/accounts/{user}/domains}.
 */
@QuarkusTest
class DomainInfoTest {

    /** openuapi.dns.account-ip: its default, which the test profile keeps. */
    static final String IP = "192.0.2.1";
    static final List<String> VHOST_KEYS = List.of("domain", "documentroot", "homedir", "ip", "ipv6", "owner", "user", "group",
            "serveralias", "servername", "serveradmin", "type", "usecanonicalname", "userdirprotect", "hascgi",
            "all_aliases_valid", "can_https_redirect", "is_https_redirecting", "no_cache_update");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An account with two addon domains (added out of order), a parked domain and a subdomain. */
    record Setup(TestAccount account, String token, String addonA, String addonZ, String parked, String sub) {
        /** The real home, as Variables::get_user_information reports it (cPanel's example shows /home/user). */
        String home() {
            return account.home();
        }

        /** Each domain's document root as the operator's domain API (/api/v1/accounts/{user}/domains) reports it. */
        Map<String, String> documentRoots() {
            JsonNode list = Fixtures.json(Fixtures.asRoot().get("/api/v1/accounts/" + account.username() + "/domains").then()
                    .statusCode(200).extract().asString());
            Map<String, String> roots = new LinkedHashMap<>();
            list.forEach(d -> roots.put(d.get("domain").textValue(), d.get("documentroot").textValue()));
            return roots;
        }
    }

    static Setup setup() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addonZ = "zeta-" + alice.domain();
        String addonA = "alpha-" + alice.domain();
        String parked = "alias-" + alice.domain();
        addDomain(alice, "addon_domain", addonZ, null);
        addDomain(alice, "addon_domain", addonA, null);
        addDomain(alice, "parked_domain", parked, null);
        addDomain(alice, "sub_domain", "blog", alice.domain());
        return new Setup(alice, token, addonA, addonZ, parked, "blog." + alice.domain());
    }

    static void addDomain(TestAccount account, String type, String domain, String rootDomain) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("type", type);
        if (rootDomain != null) {
            body.put("rootdomain", rootDomain);
        }
        Fixtures.asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/accounts/" + account.username() + "/domains")
                .then().statusCode(201);
    }

    static JsonNode uapi(TestAccount account, String token, String function, Map<String, ?> args) {
        return Uapi.success(account.withToken(token).queryParams(args).get("/execute/DomainInfo/" + function).asString());
    }

    /** One API 2 call; returns the whole body's cpanelresult after checking its envelope. */
    static JsonNode api2(TestAccount account, String token, String module, String function) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_module", module).queryParam("cpanel_jsonapi_func", function)
                .get("/json-api/cpanel").then().statusCode(200).extract().asString();
        JsonNode root = Fixtures.json(body);
        assertEquals(List.of("cpanelresult"), keys(root), body);
        JsonNode result = root.get("cpanelresult");
        assertEquals(List.of("apiversion", "module", "func", "event", "data"), keys(result), body);
        assertTrue(result.get("apiversion").isInt(), body);
        assertEquals(2, result.get("apiversion").intValue(), body);
        assertEquals(module, result.get("module").textValue());
        assertEquals(function, result.get("func").textValue());
        assertEquals("{\"result\":1}", result.get("event").toString(), body);
        assertTrue(result.get("data").isArray(), body);
        return result;
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What cPanel's own documentation shows for a vhost: the DomainInfo::domains_data examples (api.docs.cpanel.net,
     * "Return all domains' hosting configuration"; api-evangelist/cpanel openapi/cpanel-domaininfo-api-openapi.yml),
     * an account "user" with main domain example.com, parked domain parkeddomain.com, subdomain sub.example.com and
     * addon domain seconddomain.com backed by seconddomain.example.com:
     *
     * <pre>
     * documentroot: /home/user/public_html   domain: example.com   group: user   hascgi: '1'   homedir: /home/user
     * ip: 192.168.0.128   ipv6: null   owner: root   serveradmin: webmaster@example.com   servername: example.com
     * serveralias: parkeddomain.com www.parkeddomain.com www.example.com   type: main_domain
     * usecanonicalname: 'Off'   user: user   userdirprotect: ''   is_https_redirecting: '0'   no_cache_update: '0'
     *
     * domain: sub.example.com   servername: sub.example.com   serveradmin: webmaster@sub.example.com
     * serveralias: www.sub.example.com   type: sub_domain
     *
     * domain: seconddomain.com   servername: seconddomain.example.com   serveradmin: webmaster@seconddomain.example.com
     * serveralias: seconddomain.com www.seconddomain.com www.seconddomain.example.com   type: addon_domain
     * </pre>
     *
     * The schema there types hascgi, all_aliases_valid, can_https_redirect, is_https_redirecting, no_cache_update
     * and userdirprotect as integers (the examples print them as strings); spec §9.1 row 4 lists the keys.
     */
    static Map<String, Object> vhost(Setup s, String domain, String type, String serverName, String serverAlias) {
        String user = s.account().username();
        Map<String, Object> vhost = new LinkedHashMap<>();
        vhost.put("domain", domain);
        vhost.put("documentroot", s.documentRoots().get(domain)); // as the operator's domain API reports it
        vhost.put("homedir", s.home()); // docs: homedir /home/user, the home directory: here the real one
        vhost.put("ip", IP); // docs: the account's IPv4 address; here openuapi.dns.account-ip
        vhost.put("ipv6", null); // docs: null when the account does not use IPv6
        vhost.put("owner", "root"); // docs: the WHM user that owns the account; root made it
        vhost.put("user", user); // docs: user and group are the account's username
        vhost.put("group", user);
        vhost.put("serveralias", serverAlias);
        vhost.put("servername", serverName);
        vhost.put("serveradmin", "webmaster@" + serverName); // docs: webmaster@<servername>
        vhost.put("type", type);
        vhost.put("usecanonicalname", "Off"); // docs: 'Off'
        vhost.put("userdirprotect", ""); // docs' examples: '' (the schema says 0 or 1)
        vhost.put("hascgi", 1); // docs: '1', an integer in the schema
        vhost.put("all_aliases_valid", OPENUAPI_CHOICE_CERTIFICATE_FLAG); // docs' example: '0'
        vhost.put("can_https_redirect", OPENUAPI_CHOICE_CERTIFICATE_FLAG); // docs' example: '0'
        vhost.put("is_https_redirecting", 0); // docs: '0'
        vhost.put("no_cache_update", 0); // docs: '0'
        return vhost;
    }

    /**
     * OpenUAPI's own choice, not cPanel's: all_aliases_valid and can_https_redirect are 1 (cPanel derives them from
     * the installed certificates and AutoSSL; its example shows 0).
     */
    static final int OPENUAPI_CHOICE_CERTIFICATE_FLAG = 1;

    /** docs: the main domain's aliases are each parked domain and its www, then www.&lt;main domain&gt;. */
    static Map<String, Object> mainVhost(Setup s) {
        String main = s.account().domain();
        return vhost(s, main, "main_domain", main, s.parked() + " www." + s.parked() + " www." + main);
    }

    /**
     * docs: an addon domain's vhost is named after the subdomain of the main domain that backs it, the one API 2's
     * AddonDomain::listaddondomains reports as fullsubdomain (&lt;first label&gt;.&lt;main domain&gt;, spec §9.2).
     */
    static Map<String, Object> addonVhost(Setup s, String addon) {
        String backing = addon.split("\\.")[0] + "." + s.account().domain();
        return vhost(s, addon, "addon_domain", backing, addon + " www." + addon + " www." + backing);
    }

    static List<Map<String, Object>> addonVhosts(Setup s) {
        return List.of(addonVhost(s, s.addonA()), addonVhost(s, s.addonZ()));
    }

    /**
     * OpenUAPI's own choice: cPanel's docs show no parked_domains entry (parked domains have no userdata file of
     * their own). OpenUAPI describes one as a vhost of its own name that serves the main domain's document root.
     */
    static Map<String, Object> parkedVhost(Setup s) {
        return vhost(s, s.parked(), "parked_domain", s.parked(), "www." + s.parked());
    }

    /** docs: a subdomain is its own servername, with www.&lt;subdomain&gt; as its alias. */
    static Map<String, Object> subVhost(Setup s) {
        return vhost(s, s.sub(), "sub_domain", s.sub(), "www." + s.sub());
    }

    /** Integers are JSON integers, not "1"; strings are strings; ipv6 is null. */
    static void assertVhostTypes(JsonNode vhost) {
        assertEquals(VHOST_KEYS, keys(vhost).subList(0, VHOST_KEYS.size()), vhost.toString());
        for (String integer : List.of("hascgi", "all_aliases_valid", "can_https_redirect", "is_https_redirecting", "no_cache_update")) {
            assertTrue(vhost.get(integer).isInt(), integer + " is an integer: " + vhost);
        }
        for (String string : List.of("domain", "documentroot", "homedir", "ip", "owner", "user", "group", "serveralias",
                "servername", "serveradmin", "type", "usecanonicalname", "userdirprotect")) {
            assertTrue(vhost.get(string).isTextual(), string + " is a string: " + vhost);
        }
        assertTrue(vhost.get("ipv6").isNull(), vhost.toString());
    }

    @Test
    void listDomainsOfANewAccountHasOnlyTheMainDomainAsAString() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode root = uapi(alice, token, "list_domains", Map.of());
        assertTrue(root.get("data").get("main_domain").isTextual(), root.toString());
        assertEquals("{\"main_domain\":\"" + alice.domain() + "\",\"addon_domains\":[],\"parked_domains\":[],\"sub_domains\":[]}",
                root.get("data").toString());
        assertEquals("{}", root.get("metadata").toString(), "object data is not transformed");
    }

    @Test
    void listDomainsAfterAddingAddonParkedAndSubDomains() {
        Setup s = setup();
        JsonNode data = uapi(s.account(), s.token(), "list_domains", Map.of()).get("data");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("main_domain", s.account().domain());
        expected.put("addon_domains", List.of(s.addonA(), s.addonZ()));
        expected.put("parked_domains", List.of(s.parked()));
        expected.put("sub_domains", List.of(s.sub()));
        assertEquals(json(expected), data.toString());
    }

    @Test
    void listDomainsShowsOnlyTheCallersDomains() {
        Setup s = setup();
        TestAccount bob = newAccount();
        JsonNode data = uapi(bob, bob.newToken(), "list_domains", Map.of()).get("data");
        assertEquals("{\"main_domain\":\"" + bob.domain() + "\",\"addon_domains\":[],\"parked_domains\":[],\"sub_domains\":[]}",
                data.toString());
        assertTrue(!data.toString().contains(s.account().domain()));
    }

    @Test
    void domainsDataHashGroupsTheVhostsByType() {
        Setup s = setup();
        for (Map<String, ?> args : List.of(Map.<String, String>of(), Map.of("format", "hash"),
                Map.of("format", "hash", "return_https_redirects_status", "1"))) {
            JsonNode root = uapi(s.account(), s.token(), "domains_data", args);
            JsonNode data = root.get("data");
            assertEquals(List.of("main_domain", "addon_domains", "parked_domains", "sub_domains"), keys(data));
            assertTrue(data.get("main_domain").isObject(), data.toString());
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("main_domain", mainVhost(s));
            expected.put("addon_domains", addonVhosts(s));
            expected.put("parked_domains", List.of(parkedVhost(s)));
            expected.put("sub_domains", List.of(subVhost(s)));
            assertEquals(json(expected), data.toString(), "args " + args);
            // docs: the main domain's document root is /home/user/public_html
            assertEquals(s.home() + "/public_html", data.get("main_domain").get("documentroot").textValue());
            assertVhostTypes(data.get("main_domain"));
            assertVhostTypes(data.get("sub_domains").get(0));
            assertEquals("{}", root.get("metadata").toString());
        }
    }

    @Test
    void domainsDataListIsOneArrayMainFirst() {
        Setup s = setup();
        JsonNode root = uapi(s.account(), s.token(), "domains_data", Map.of("format", "list"));
        JsonNode data = root.get("data");
        assertTrue(data.isArray(), data.toString());
        List<Map<String, Object>> expected = new ArrayList<>();
        expected.add(mainVhost(s));
        expected.addAll(addonVhosts(s));
        expected.add(parkedVhost(s));
        expected.add(subVhost(s));
        assertEquals(json(expected), data.toString());
        for (JsonNode vhost : data) {
            assertVhostTypes(vhost);
        }
        assertEquals(1, root.get("metadata").get("transformed").intValue(), "array data is marked transformed");
    }

    @Test
    void domainsDataOfANewAccountAndABadFormat() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode list = uapi(alice, token, "domains_data", Map.of("format", "list")).get("data");
        assertEquals(1, list.size(), list.toString());
        assertEquals(alice.domain(), list.get(0).get("domain").textValue());
        assertEquals("www." + alice.domain(), list.get(0).get("serveralias").textValue(), "no parked domains, no extra aliases");
        JsonNode hash = uapi(alice, token, "domains_data", Map.of()).get("data");
        assertEquals("[]", hash.get("addon_domains").toString());
        assertEquals("[]", hash.get("parked_domains").toString());
        assertEquals("[]", hash.get("sub_domains").toString());
        Uapi.failure(alice.withToken(token).queryParam("format", "xml").get("/execute/DomainInfo/domains_data").asString(),
                "The “format” argument must be “hash” or “list”, not “xml”."); // OpenUAPI's own wording
    }

    @Test
    void singleDomainDataDescribesOneOwnDomain() {
        Setup s = setup();
        JsonNode sub = uapi(s.account(), s.token(), "single_domain_data", Map.of("domain", s.sub())).get("data");
        Map<String, Object> expected = subVhost(s);
        expected.put("port", "80"); // docs' example: port '80' (a string there, though the schema says integer)
        expected.put("options", "ExecCGI Includes"); // docs' example
        expected.put("phpopenbasedirprotect", 1); // docs' example: 1
        // OpenUAPI's own choice: no Apache logs or CGI aliases to describe (docs: [{format, target}], [{path, url}])
        expected.put("customlog", List.of());
        expected.put("scriptalias", List.of());
        assertEquals(json(expected), sub.toString());
        assertVhostTypes(sub);
        assertTrue(sub.get("port").isTextual());
        assertTrue(sub.get("phpopenbasedirprotect").isInt());

        // case and a trailing dot do not matter; the answer names the domain as stored
        JsonNode main = uapi(s.account(), s.token(), "single_domain_data",
                Map.of("domain", s.account().domain().toUpperCase() + ".", "return_https_redirect_status", "1")).get("data");
        assertEquals(s.account().domain(), main.get("domain").textValue());
        assertEquals("main_domain", main.get("type").textValue());
        assertEquals(s.home() + "/public_html", main.get("documentroot").textValue());

        JsonNode addon = uapi(s.account(), s.token(), "single_domain_data", Map.of("domain", s.addonZ())).get("data");
        assertEquals("addon_domain", addon.get("type").textValue());
        assertEquals(s.home() + "/" + s.addonZ(), addon.get("documentroot").textValue());

        JsonNode parked = uapi(s.account(), s.token(), "single_domain_data", Map.of("domain", s.parked())).get("data");
        assertEquals("parked_domain", parked.get("type").textValue());
        assertEquals(s.home() + "/public_html", parked.get("documentroot").textValue());
    }

    @Test
    void singleDomainDataRefusesAnotherAccountsDomainAndAnUnknownOneAlike() {
        Setup s = setup();
        TestAccount bob = newAccount();
        String bobToken = bob.newToken();
        String unknown = "nobody-" + Fixtures.randomSuffix(10) + ".example";
        // OpenUAPI's own wording, the same for another account's domain and an unknown one
        JsonNode others = Uapi.failure(bob.withToken(bobToken).queryParam("domain", s.addonA())
                .get("/execute/DomainInfo/single_domain_data").asString(),
                "The domain “" + s.addonA() + "” does not belong to this account.");
        JsonNode missing = Uapi.failure(bob.withToken(bobToken).queryParam("domain", unknown)
                .get("/execute/DomainInfo/single_domain_data").asString(),
                "The domain “" + unknown + "” does not belong to this account.");
        assertEquals(others.toString().replace(s.addonA(), "X"), missing.toString().replace(unknown, "X"),
                "the two refusals differ only in the name");
        Uapi.failure(bob.withToken(bobToken).queryParam("domain", s.account().domain())
                .get("/execute/DomainInfo/single_domain_data").asString(),
                "The domain “" + s.account().domain() + "” does not belong to this account.");
        Uapi.failure(bob.withToken(bobToken).get("/execute/DomainInfo/single_domain_data").asString(),
                "Provide the “domain” argument."); // cPanel's wording for a missing required argument (Dispatcher)
    }

    @Test
    void api2ListSubdomains() {
        Setup s = setup();
        String addonSub = "shop." + s.addonA();
        addDomain(s.account(), "sub_domain", "shop", s.addonA());
        JsonNode result = api2(s.account(), s.token(), "SubDomain", "listsubdomains");
        Map<String, Object> blog = new LinkedHashMap<>();
        blog.put("domain", s.sub());
        blog.put("subdomain", "blog");
        blog.put("rootdomain", s.account().domain());
        blog.put("basedir", s.sub());
        blog.put("reldir", "home:" + s.sub());
        blog.put("dir", s.home() + "/" + s.sub());
        blog.put("status", "not redirected");
        blog.put("domainkey", "blog_" + s.account().domain());
        Map<String, Object> shop = new LinkedHashMap<>();
        shop.put("domain", addonSub);
        shop.put("subdomain", "shop");
        shop.put("rootdomain", s.addonA());
        shop.put("basedir", addonSub);
        shop.put("reldir", "home:" + addonSub);
        shop.put("dir", s.home() + "/" + addonSub);
        shop.put("status", "not redirected");
        shop.put("domainkey", "shop_" + s.addonA());
        assertEquals(json(List.of(blog, shop)), result.get("data").toString());
    }

    @Test
    void api2ListParkedDomains() {
        Setup s = setup();
        JsonNode result = api2(s.account(), s.token(), "Park", "listparkeddomains");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("domain", s.parked());
        row.put("dir", s.home() + "/public_html");
        row.put("basedir", "public_html");
        row.put("reldir", "home:public_html");
        row.put("status", "not redirected");
        assertEquals(json(List.of(row)), result.get("data").toString());
    }

    @Test
    void api2ListAddonDomains() {
        Setup s = setup();
        JsonNode result = api2(s.account(), s.token(), "AddonDomain", "listaddondomains");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (String addon : List.of(s.addonA(), s.addonZ())) {
            String label = addon.split("\\.")[0];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("domain", addon);
            row.put("fullsubdomain", label + "." + s.account().domain());
            row.put("subdomain", label);
            row.put("rootdomain", s.account().domain());
            row.put("dir", s.home() + "/" + addon);
            row.put("basedir", addon);
            row.put("reldir", "home:" + addon);
            row.put("status", "not redirected");
            row.put("domainkey", label + "_" + s.account().domain());
            expected.add(row);
        }
        assertEquals(json(expected), result.get("data").toString());
        assertEquals("alpha-" + s.account().username(), result.get("data").get(0).get("subdomain").textValue());
    }

    @Test
    void api2ListsOfANewAccountAreEmpty() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals("[]", api2(alice, token, "SubDomain", "listsubdomains").get("data").toString());
        assertEquals("[]", api2(alice, token, "Park", "listparkeddomains").get("data").toString());
        assertEquals("[]", api2(alice, token, "AddonDomain", "listaddondomains").get("data").toString());
    }

    @Test
    void theListsAreNotUapiFunctionsAndDomainInfoIsNotApi2() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode uapi = Uapi.envelope(alice.withToken(token).get("/execute/Park/listparkeddomains").asString());
        assertEquals(0, uapi.get("status").intValue(), uapi.toString());
        assertTrue(uapi.get("data").isNull(), uapi.toString());
        String body = alice.withToken(token).queryParam("cpanel_jsonapi_module", "DomainInfo")
                .queryParam("cpanel_jsonapi_func", "list_domains").get("/json-api/cpanel").asString();
        // cPanel's API 2 wording, which PublicAPI clients look for ("Could not find function")
        assertEquals("Could not find function 'list_domains' in module 'DomainInfo'",
                Fixtures.json(body).get("cpanelresult").get("error").textValue(), body);
    }
}
