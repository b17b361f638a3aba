package dev.openuapi.domain;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.common.CryptPasswords;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.PowerDns;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.TestCertificates.KeyFormat;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 1 {@code modifyacct} with {@code domain} (or its alias {@code DNS}) changes the account's main domain, and what is
 * named after it follows (src/docs/main-domain-change.md). Every effect is checked through the API, the DNS through a real
 * PowerDNS that reads the test database's zone tables; the mailbox's password through the row Dovecot's passdb reads.
 *
 * <p>cPanel's reference: api.docs.cpanel.net, WHM API 1 "Update cPanel account" (modifyacct), as harvested in
 * api-evangelist/cpanel {@code openapi/cpanel-accounts-api-openapi.yml}: {@code DNS} "The cPanel account's main domain.
 * This parameter is an alias of domain. If you set both the DNS and domain parameters, the DNS parameter will override the
 * domain parameter." cPanel's example call: {@code /json-api/modifyacct?api.version=1&user=example}; its answer's
 * {@code metadata}: {@code {"command":"modifyacct","reason":"Account Modified","result":1,"version":1}} (OpenUAPI's reason is
 * its usual {@code OK}).
 */
@QuarkusTest
class MainDomainChangeTest {

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

    /** An account made through WHM's createacct; its username starts with hc (unique across the helpers' test runs). */
    static TestAccount newAccount() {
        String username = "hc" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = username + ".example";
        WhmChecks.ok(asRoot(), "createacct", Map.of("username", username, "domain", domain, "password", password));
        return new TestAccount(username, password, domain);
    }

    static JsonNode modifyacct(Map<String, String> args) {
        return Whm.json(asRoot(), "modifyacct", args);
    }

    static String mainDomain(String user) {
        return WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", user)).get("data").get("acct").get(0).get("domain").textValue();
    }

    static JsonNode uapi(TestAccount account, String token, String module, String function, Map<String, String> args) {
        return Uapi.success(account.withToken(token).formParams(args).post("/execute/" + module + "/" + function).then().statusCode(200)
                .extract().asString()).get("data");
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(row -> values.add(row.get(field).textValue()));
        return values;
    }

    static List<String> addresses(List<Record> records) {
        return records.stream().filter(ARecord.class::isInstance).map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    static String passwordHash(String address) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + TestConfig.databaseName(), "root", "");
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM mailbox WHERE email = ?")) {
            s.setString(1, address);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void theMainDomainChangesAndWhatIsNamedAfterItFollows() throws Exception {
        TestAccount alice = newAccount();
        String user = alice.username();
        String from = alice.domain();
        String to = "new-" + user + ".example";
        String token = alice.newToken();
        // a subdomain, a mailbox with a forwarder to it, an FTP login, and two installed certificates
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "blog", "type", "sub_domain", "rootdomain", from))
                .post("/api/v1/accounts/" + user + "/domains").then().statusCode(201);
        uapi(alice, token, "Email", "add_pop", Map.of("email", "box", "password", "mail-pass-1", "quota", "250"));
        uapi(alice, token, "Email", "add_forwarder", Map.of("domain", from, "email", "sales", "fwdopt", "fwd", "fwdemail", "box@" + from));
        uapi(alice, token, "Ftp", "add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1"));
        TestCertificates.Pair onlyOld = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, from, "www." + from);
        TestCertificates.Pair both = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, "blog." + from, "blog." + to);
        uapi(alice, token, "SSL", "install_ssl", Map.of("domain", from, "cert", onlyOld.certificate(), "key", onlyOld.key()));
        uapi(alice, token, "SSL", "install_ssl", Map.of("domain", "blog." + from, "cert", both.certificate(), "key", both.key()));
        assertEquals(from, uapi(alice, token, "Variables", "get_user_information", Map.of()).get("domain").textValue(), "now cached");
        assertEquals(1, pdns.query(from + ".", Type.SOA).records().size());

        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", user, "domain", to));
        long changed = System.nanoTime();

        // WHM: accountsummary and listaccts
        assertEquals(to, mainDomain(user));
        JsonNode listed = WhmChecks.ok(asRoot(), "listaccts", Map.of("search", "^" + user + "$", "searchtype", "user")).get("data").get("acct");
        assertEquals(to, listed.get(0).get("domain").textValue());
        // UAPI, with the token made before: DomainInfo, mailboxes, forwarders, FTP, certificates
        JsonNode domains = uapi(alice, token, "DomainInfo", "list_domains", Map.of());
        assertEquals(to, domains.get("main_domain").textValue());
        assertEquals("[\"blog." + to + "\"]", domains.get("sub_domains").toString(), "the subdomain follows");
        // list_pops also lists the account's system mailbox, named by the username
        assertEquals(List.of("box@" + to, user), texts(uapi(alice, token, "Email", "list_pops", Map.of()), "email"));
        JsonNode forwarders = uapi(alice, token, "Email", "list_forwarders", Map.of());
        assertEquals(List.of("sales@" + to), texts(forwarders, "dest"));
        assertEquals(List.of("box@" + to), texts(forwarders, "forward"), "a forwarder to a moved mailbox names its new address");
        assertTrue(texts(uapi(alice, token, "Ftp", "list_ftp", Map.of()), "user").contains("deploy@" + to));
        JsonNode hosts = uapi(alice, token, "SSL", "installed_hosts", Map.of());
        assertEquals(List.of("blog." + to), texts(hosts, "servername"), "a certificate that covers the new name stays installed on it");
        assertEquals(2, uapi(alice, token, "SSL", "list_certs", Map.of()).size(), "the certificates stay stored");
        // the mailbox keeps its password (what Dovecot's SQL passdb checks) and quota
        assertTrue(CryptPasswords.matches("mail-pass-1", passwordHash("box@" + to)));
        assertEquals(null, passwordHash("box@" + from));
        JsonNode pop = uapi(alice, token, "Email", "list_pops_with_disk", Map.of()).get(0);
        assertEquals("box@" + to, pop.get("email").textValue());
        assertEquals(250, pop.get("diskquota").asDouble());

        // the zone, as PowerDNS serves it: renamed, the subdomain with it, the SOA's mailbox rewritten
        PowerDns.Answer soa = pdns.query(to + ".", Type.SOA);
        assertEquals(1, soa.records().size(), pdns.log());
        assertEquals("hostmaster." + to + ".", ((SOARecord) soa.records().get(0)).getAdmin().toString());
        assertEquals(List.of("192.0.2.1"), addresses(pdns.query(to + ".", Type.A).records()));
        assertEquals(List.of("192.0.2.1"), addresses(pdns.query("blog." + to + ".", Type.A).records()));
        assertTrue(pdns.query(from + ".", Type.SOA).records().isEmpty(), "the old name is no longer served");
        assertTrue(pdns.query("blog." + from + ".", Type.A).records().isEmpty());
        Uapi.success(alice.withToken(token).queryParam("zone", to).get("/execute/DNS/parse_zone").asString());

        // the cached user information sees the change within a second
        String seen;
        do {
            seen = uapi(alice, token, "Variables", "get_user_information", Map.of()).get("domain").textValue();
        } while (!to.equals(seen) && System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(1));
        assertEquals(to, seen, "get_user_information still named the old domain 1 s after the change");
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String user = alice.username();
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "parked-" + bob.username() + ".example", "type", "parked_domain"))
                .post("/api/v1/accounts/" + bob.username() + "/domains").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "shop", "type", "sub_domain", "rootdomain", bob.domain()))
                .post("/api/v1/accounts/" + bob.username() + "/domains").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "own-" + user + ".example", "type", "addon_domain"))
                .post("/api/v1/accounts/" + user + "/domains").then().statusCode(201);

        Map<String, String> refusals = Map.of(
                bob.domain(), "The domain “" + bob.domain() + "” already exists on this server.",
                "parked-" + bob.username() + ".example", "The domain “parked-" + bob.username() + ".example” already exists on this server.",
                "shop." + bob.domain(), "The domain “shop." + bob.domain() + "” already exists on this server.",
                "own-" + user + ".example", "The domain “own-" + user + ".example” already exists on this server.",
                "x." + bob.domain(), "The domain “x." + bob.domain() + "” is a parent or a subdomain of a domain of another account.",
                "not a domain!", "“not a domain!” is not a valid domain name.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            JsonNode answer = modifyacct(Map.of("user", user, "domain", refusal.getKey()));
            assertEquals(0, answer.get("metadata").get("result").intValue(), answer.toString());
            assertEquals(refusal.getValue(), answer.get("metadata").get("reason").textValue());
        }
        // a valid domain with a refused contact email: one transaction, so the domain does not change either
        JsonNode answer = modifyacct(Map.of("user", user, "domain", "fresh-" + user + ".example", "contactemail", "not an address"));
        assertEquals(0, answer.get("metadata").get("result").intValue(), answer.toString());
        assertEquals("“not an address” is not a valid email address.", answer.get("metadata").get("reason").textValue());

        assertEquals(alice.domain(), mainDomain(user));
        assertEquals(bob.domain(), mainDomain(bob.username()));
        String token = alice.newToken();
        assertEquals(alice.domain(), uapi(alice, token, "DomainInfo", "list_domains", Map.of()).get("main_domain").textValue());
        assertEquals(1, pdns.query(alice.domain() + ".", Type.SOA).records().size());
        assertTrue(pdns.query("fresh-" + user + ".example.", Type.SOA).records().isEmpty());
    }

    /**
     * A failure after the zone is renamed (a mailbox left on a domain removed earlier holds the new address) undoes
     * everything: the zone is served under its old name again, and nothing else moved.
     */
    @Test
    void aFailureAfterTheZoneIsRenamedUndoesEverything() throws Exception {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String user = alice.username();
        String to = "left-" + user + ".example";
        // bob had `to` as a parked domain with a mailbox on it; the domain went, the mailbox row stayed
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", to, "type", "parked_domain"))
                .post("/api/v1/accounts/" + bob.username() + "/domains").then().statusCode(201);
        String bobToken = bob.newToken();
        uapi(bob, bobToken, "Email", "add_pop", Map.of("email", "box", "domain", to, "password", "mail-pass-2"));
        asRoot().delete("/api/v1/accounts/" + bob.username() + "/domains/" + to).then().statusCode(204);
        String token = alice.newToken();
        uapi(alice, token, "Email", "add_pop", Map.of("email", "box", "password", "mail-pass-1"));
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "blog", "type", "sub_domain", "rootdomain", alice.domain()))
                .post("/api/v1/accounts/" + user + "/domains").then().statusCode(201);

        JsonNode answer = modifyacct(Map.of("user", user, "domain", to));
        assertEquals(0, answer.get("metadata").get("result").intValue(), answer.toString());
        assertEquals("The email account names on “" + to + "” are taken already.", answer.get("metadata").get("reason").textValue());

        assertEquals(alice.domain(), mainDomain(user));
        JsonNode domains = uapi(alice, token, "DomainInfo", "list_domains", Map.of());
        assertEquals(alice.domain(), domains.get("main_domain").textValue());
        assertEquals("[\"blog." + alice.domain() + "\"]", domains.get("sub_domains").toString());
        assertTrue(texts(uapi(alice, token, "Email", "list_pops", Map.of()), "email").contains("box@" + alice.domain()));
        PowerDns.Answer soa = pdns.query(alice.domain() + ".", Type.SOA);
        assertEquals(1, soa.records().size(), "the zone has its old name again");
        assertEquals("hostmaster." + alice.domain() + ".", ((SOARecord) soa.records().get(0)).getAdmin().toString());
        assertEquals(List.of("192.0.2.1"), addresses(pdns.query("blog." + alice.domain() + ".", Type.A).records()));
        assertTrue(pdns.query(to + ".", Type.SOA).records().isEmpty());
    }

    @Test
    void theSameDomainChangesNothingAndDnsOverridesDomain() {
        TestAccount alice = newAccount();
        String user = alice.username();
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", user, "domain", alice.domain().toUpperCase()));
        assertEquals(alice.domain(), mainDomain(user));

        String dns = "dns-" + user + ".example";
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", user, "DNS", dns, "domain", "ignored-" + user + ".example"));
        assertEquals(dns, mainDomain(user), "given both, DNS wins (cPanel's reference)");
    }

    @Test
    void aResellerChangesTheDomainOfItsOwnAccountsOnly() {
        TestAccount reseller = newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username(), "makeowner", "1")));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller.username(), "acl-acct-summary", "1",
                "acl-edit-account", "1", "acl-create-acct", "1")));
        RequestSpecification asReseller = given().auth().preemptive().basic(reseller.username(), reseller.password());
        TestAccount foreign = newAccount();
        JsonNode refused = Whm.json(asReseller, "modifyacct", Map.of("user", foreign.username(), "domain", "stolen-" + foreign.username()
                + ".example"));
        assertEquals(0, refused.get("metadata").get("result").intValue(), refused.toString());
        assertEquals(foreign.domain(), mainDomain(foreign.username()));

        String own = "hc" + Fixtures.randomSuffix(10);
        WhmChecks.ok(given().auth().preemptive().basic(reseller.username(), reseller.password()), "createacct",
                Map.of("username", own, "domain", own + ".example", "password", "pw-" + Fixtures.randomSuffix(16)));
        WhmChecks.ok(given().auth().preemptive().basic(reseller.username(), reseller.password()), "modifyacct",
                Map.of("user", own, "domain", "mine-" + own + ".example"));
        assertEquals("mine-" + own + ".example", mainDomain(own));
    }
}
