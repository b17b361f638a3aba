package dev.openuapi.ssl;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.TestCertificates.KeyFormat;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** UAPI SSL and API 2 SSL::installssl with certificates made by openssl in the test. */
@QuarkusTest
class SslModuleTest {

    static String install(TestAccount account, String token, String domain, TestCertificates.Pair pair) {
        return account.withToken(token).formParam("domain", domain).formParam("cert", pair.certificate()).formParam("key", pair.key())
                .post("/execute/SSL/install_ssl").then().statusCode(200).extract().asString();
    }

    @Test
    void installListShowAndDelete() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain(), "www." + alice.domain());
        JsonNode data = Uapi.success(install(alice, token, alice.domain(), pair)).get("data");
        assertEquals(alice.domain(), data.get("domain").textValue());
        assertEquals("192.0.2.1", data.get("ip").textValue()); // openuapi.dns.account-ip's default: OpenUAPI's own
        assertEquals(alice.username(), data.get("user").textValue());
        assertEquals(List.of(alice.domain(), "www." + alice.domain()),
                List.of(data.get("working_domains").get(0).textValue(), data.get("working_domains").get(1).textValue()));
        assertTrue(data.get("message").textValue().contains("is now installed")); // OpenUAPI's own wording
        String certId = data.get("cert_id").textValue();

        String listBody = alice.withToken(token).get("/execute/SSL/list_certs").asString();
        JsonNode certs = Uapi.success(listBody).get("data");
        assertEquals(1, certs.size());
        JsonNode cert = certs.get(0);
        assertEquals(certId, cert.get("id").textValue());
        assertEquals(alice.domain(), cert.get("subject.commonName").textValue());
        assertEquals("OpenUAPI Tests", cert.get("issuer.organizationName").textValue());
        assertEquals(1, cert.get("is_self_signed").intValue());
        assertEquals(2048, cert.get("modulus_length").intValue());
        assertEquals("rsaEncryption", cert.get("key_algorithm").textValue());
        assertEquals("sha256WithRSAEncryption", cert.get("signature_algorithm").textValue());
        assertEquals(1, cert.get("domain_is_configured").intValue());
        assertTrue(cert.get("not_after").longValue() > System.currentTimeMillis() / 1000 + 20 * 86400);
        assertFalse(listBody.contains("PRIVATE KEY"), "never the key");

        JsonNode hosts = Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data");
        assertEquals(alice.domain(), hosts.get(0).get("servername").textValue());
        assertEquals(certId, hosts.get(0).get("certificate").get("id").textValue());

        Uapi.success(alice.withToken(token).queryParam("domain", alice.domain()).get("/execute/SSL/delete_ssl").asString());
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data").size());
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").get(0)
                .get("domain_is_configured").intValue());
        Uapi.success(alice.withToken(token).queryParam("id", certId).get("/execute/SSL/delete_cert").asString());
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").size());
        Uapi.failure(alice.withToken(token).queryParam("id", certId).get("/execute/SSL/delete_cert").asString(),
                "The account has no certificate “" + certId + "”."); // OpenUAPI's own wording, not cPanel's
    }

    @Test
    void aSeveralKilobyteGetQueryStringWorks() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        String query = "domain=" + alice.domain() + "&cert=" + URLEncoder.encode(pair.certificate(), StandardCharsets.UTF_8) + "&key="
                + URLEncoder.encode(pair.key(), StandardCharsets.UTF_8);
        assertTrue(query.length() > 3000, "a realistic install: " + query.length() + " bytes");
        Uapi.success(alice.withToken(token).urlEncodingEnabled(false).get("/execute/SSL/install_ssl?" + query).asString());
    }

    @Test
    void acmeKeyFormatsAreAccepted() {
        for (KeyFormat format : List.of(KeyFormat.PKCS1_RSA, KeyFormat.SEC1_EC)) {
            TestAccount alice = newAccount();
            String token = alice.newToken();
            TestCertificates.Pair pair = TestCertificates.selfSigned(format, alice.domain());
            assertTrue(pair.key().contains(format == KeyFormat.PKCS1_RSA ? "BEGIN RSA PRIVATE KEY" : "BEGIN EC PRIVATE KEY"), pair.key());
            Uapi.success(install(alice, token, alice.domain(), pair));
            String algorithm = Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").get(0)
                    .get("key_algorithm").textValue();
            assertEquals(format == KeyFormat.SEC1_EC ? "id-ecPublicKey" : "rsaEncryption", algorithm);
        }
    }

    @Test
    void refusals() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair good = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        TestCertificates.Pair other = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        // Every refusal text here is OpenUAPI's own wording, not cPanel's, except the last one
        // ("Provide the “…” and “…” arguments.", cPanel's standard text, spec §6.3).
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(good.certificate(), other.key())),
                "The private key does not match the certificate.");
        TestCertificates.Pair elsewhere = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, "elsewhere.example");
        Uapi.failure(install(alice, token, alice.domain(), elsewhere),
                "The certificate does not cover the domain “" + alice.domain() + "”. It covers: elsewhere.example.");
        TestCertificates.Pair wildcard = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, "*." + alice.domain());
        Uapi.failure(install(alice, token, alice.domain(), wildcard),
                "The certificate does not cover the domain “" + alice.domain() + "”. It covers: *." + alice.domain() + ".");
        TestCertificates.Pair bobs = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, bob.domain());
        Uapi.failure(install(alice, token, bob.domain(), bobs), "The domain “" + bob.domain() + "” does not belong to this account.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair("not a certificate", good.key())),
                "The certificate is not a PEM-encoded certificate.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(good.certificate(), "garbage")),
                "The key is not a PEM-encoded private key.");
        TestCertificates.Pair encrypted = TestCertificates.selfSigned(KeyFormat.ENCRYPTED, alice.domain());
        Uapi.failure(install(alice, token, alice.domain(), encrypted), "The key is encrypted; upload it without a passphrase.");
        Uapi.failure(alice.withToken(token).formParam("domain", alice.domain()).post("/execute/SSL/install_ssl").asString(),
                "Provide the “cert” and “key” arguments.");
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").size(),
                "nothing was stored");
    }

    @Test
    void api2InstallsslAnswersResultAndOutput() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        String ok = alice.withToken(token).formParam("cpanel_jsonapi_module", "SSL").formParam("cpanel_jsonapi_func", "installssl")
                .formParam("cpanel_jsonapi_apiversion", "2").formParam("domain", alice.domain()).formParam("crt", pair.certificate())
                .formParam("key", pair.key()).post("/json-api/cpanel").asString();
        JsonNode row = Fixtures.json(ok).get("cpanelresult").get("data").get(0);
        assertEquals(1, row.get("result").intValue(), ok);
        assertTrue(row.get("output").textValue().contains("is now installed")); // OpenUAPI's own wording
        assertEquals(1, Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data").size(),
                "API 2 installed it");

        TestCertificates.Pair wrong = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, "other.example");
        String refused = alice.withToken(token).formParam("cpanel_jsonapi_module", "SSL").formParam("cpanel_jsonapi_func", "installssl")
                .formParam("domain", alice.domain()).formParam("crt", wrong.certificate()).formParam("key", wrong.key())
                .post("/json-api/cpanel").asString();
        JsonNode result = Fixtures.json(refused).get("cpanelresult");
        assertEquals(0, result.get("data").get(0).get("result").intValue());
        assertTrue(result.get("error").textValue().contains("does not cover")); // OpenUAPI's own wording
        assertEquals(alice.domain(), Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data")
                .get(0).get("certificate").get("subject.commonName").textValue(), "the refused install left the first one in place");
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A PEM block of {@code type} around {@code der}. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    @Test
    void everyRowKeepsItsKeysInOneOrder() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        JsonNode installed = Uapi.success(install(alice, token, alice.domain(), pair)).get("data");
        // The names and their order are cPanel's: spec §9.1 row 33 (SSL::install_ssl).
        assertEquals(List.of("action", "cert_id", "key_id", "domain", "ip", "user", "html", "message", "statusmsg",
                "extra_certificate_domains", "warning_domains", "working_domains"), keys(installed));
        assertEquals("install", installed.get("action").textValue());
        assertEquals(32, installed.get("key_id").textValue().length(), "OpenUAPI's own key id: 32 hex digits of a SHA-256");
        assertEquals("[]", installed.get("extra_certificate_domains").toString());
        assertEquals("[]", installed.get("warning_domains").toString());
        assertEquals(installed.get("message"), installed.get("html"));
        assertEquals(installed.get("message"), installed.get("statusmsg"));

        JsonNode cert = Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").get(0);
        // cPanel's names in cPanel's order (spec §9.1 row 32); OPENUAPI_CHOICE: modulus, ecdsa_curve_name and
        // ecdsa_public are not returned.
        List<String> certificateKeys = List.of("id", "friendly_name", "domains", "subject.commonName", "issuer.commonName",
                "issuer.organizationName", "not_before", "not_after", "created", "is_self_signed", "validation_type", "key_algorithm",
                "modulus_length", "serial", "signature_algorithm", "domain_is_configured");
        assertEquals(certificateKeys, keys(cert));
        assertEquals("[\"" + alice.domain() + "\"]", cert.get("domains").toString());
        assertTrue(cert.get("validation_type").isNull(), "present and null: " + cert);
        assertTrue(cert.get("created").isIntegralNumber());
        assertTrue(cert.get("created").longValue() >= cert.get("not_before").longValue(), cert.toString());
        assertTrue(cert.get("serial").textValue().matches("[0-9a-f]+"), cert.toString());
        // OpenUAPI's own friendly name: CN (issuer O) expiry date.
        assertTrue(cert.get("friendly_name").textValue().startsWith(alice.domain() + " (OpenUAPI Tests) "), cert.toString());

        JsonNode host = Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data").get(0);
        // OPENUAPI_CHOICE: cPanel's exact installed_hosts row is unconfirmed (spec §9.1 row 34); these are our keys and order.
        assertEquals(List.of("servername", "docroot", "fqdns", "ip", "port", "type", "user", "installed_at", "certificate"), keys(host));
        assertEquals("[\"" + alice.domain() + "\",\"www." + alice.domain() + "\"]", host.get("fqdns").toString());
        assertEquals(443, host.get("port").intValue());
        assertEquals("main_domain", host.get("type").textValue());
        assertEquals(alice.username(), host.get("user").textValue());
        assertEquals("192.0.2.1", host.get("ip").textValue());
        assertTrue(host.get("installed_at").isIntegralNumber());
        assertEquals(certificateKeys, keys(host.get("certificate")));
        assertEquals(1, host.get("certificate").get("domain_is_configured").intValue());

        String api2 = alice.withToken(token).formParam("cpanel_jsonapi_module", "SSL").formParam("cpanel_jsonapi_func", "installssl")
                .formParam("cpanel_jsonapi_apiversion", "2").formParam("domain", alice.domain()).formParam("crt", pair.certificate())
                .formParam("key", pair.key()).post("/json-api/cpanel").asString();
        JsonNode data = Fixtures.json(api2).get("cpanelresult").get("data");
        assertEquals(1, data.size(), api2);
        assertEquals(List.of("result", "output"), keys(data.get(0)), "spec §9.1 (API 2 SSL::installssl): data[0].result and .output");
    }

    @Test
    void aPkcs8EcKeyIsAccepted() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(KeyFormat.PKCS8_EC, alice.domain());
        assertTrue(pair.key().contains("BEGIN PRIVATE KEY"), "PKCS#8");
        Uapi.success(install(alice, token, alice.domain(), pair));
        JsonNode cert = Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").get(0);
        assertEquals("id-ecPublicKey", cert.get("key_algorithm").textValue());
        assertEquals(256, cert.get("modulus_length").intValue(), "the curve's field size");
        assertEquals("ecdsa-with-SHA256", cert.get("signature_algorithm").textValue());
        TestCertificates.Pair other = TestCertificates.selfSigned(KeyFormat.PKCS8_EC, alice.domain());
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(pair.certificate(), other.key())),
                "The private key does not match the certificate.");
        TestCertificates.Pair rsa = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain());
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(pair.certificate(), rsa.key())),
                "The private key does not match the certificate.");
    }

    /** OpenUAPI's own wording throughout (cPanel's texts for these cases are not documented). */
    @Test
    void keysThatAreNotUnencryptedRsaOrEcAreRefused() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String certificate = TestCertificates.selfSigned(KeyFormat.PKCS8_RSA, alice.domain()).certificate();
        TestCertificates.Pair traditional = TestCertificates.selfSigned(KeyFormat.PKCS1_ENCRYPTED, alice.domain());
        assertTrue(traditional.key().contains("Proc-Type: 4,ENCRYPTED"), "OpenSSL's traditional encryption");
        Uapi.failure(install(alice, token, alice.domain(), traditional), "The key is encrypted; upload it without a passphrase.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, TestCertificates.ed25519Key())),
                "The private key could not be read.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, pem("OPENSSH PRIVATE KEY",
                "openssh-key-v1".getBytes(StandardCharsets.US_ASCII)))), "“OPENSSH PRIVATE KEY” is not a supported private key format.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, certificate)),
                "“CERTIFICATE” is not a supported private key format.");
        for (String type : List.of("PRIVATE KEY", "RSA PRIVATE KEY")) {
            Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, pem(type, new byte[] { 0x30, 0x03, 2, 1, 0 }))),
                    "The private key could not be read.");
        }
        // SEC1 ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING } without its optional [0] curve.
        byte[] noCurve = HexFormat.of().parseHex("30250201010420" + "11".repeat(32));
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, pem("EC PRIVATE KEY", noCurve))),
                "The EC private key does not name its curve.");
        Uapi.failure(install(alice, token, alice.domain(), new TestCertificates.Pair(certificate, "-----BEGIN PRIVATE KEY-----\nMIIB\n")),
                "The key is not a PEM-encoded private key.");
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").size(),
                "nothing was stored");
    }

    /** OPENUAPI_CHOICE: a key whose line breaks became spaces (or CRLF, or indentation) on the way is still read. */
    @Test
    void aKeyWhoseLinesWereReformattedIsStillRead() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        for (KeyFormat format : List.of(KeyFormat.PKCS8_RSA, KeyFormat.PKCS1_RSA, KeyFormat.SEC1_EC)) {
            TestCertificates.Pair pair = TestCertificates.selfSigned(format, alice.domain());
            for (String key : List.of(pair.key().replace("\n", " "), pair.key().replace("\n", "\r\n"),
                    pair.key().lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n"))) {
                Uapi.success(install(alice, token, alice.domain(), new TestCertificates.Pair(pair.certificate(), key)));
            }
        }
        assertEquals(3, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").size(),
                "one stored certificate per pair, installed again and again");
    }

    /** The OpenAPI document describes each row: its keys in wire order, their types and descriptions. */
    @Test
    void theOpenApiDocumentDescribesTheRows() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String data = ".get.responses.'200'.content.'application/json'.schema.properties.data";
        String certificate = "paths.'/execute/SSL/list_certs'" + data + ".items.properties";
        List<String> certificateKeys = List.of("id", "friendly_name", "domains", "subject.commonName", "issuer.commonName",
                "issuer.organizationName", "not_before", "not_after", "created", "is_self_signed", "validation_type", "key_algorithm",
                "modulus_length", "serial", "signature_algorithm", "domain_is_configured");
        assertEquals(certificateKeys, List.copyOf(doc.getMap(certificate).keySet()));
        assertEquals("Issuer O.", doc.getString(certificate + ".'issuer.organizationName'.description"));
        assertEquals(List.of("string", "null"), doc.getList(certificate + ".'issuer.organizationName'.type"));
        assertEquals("array", doc.getString(certificate + ".domains.type"));
        assertEquals("integer", doc.getString(certificate + ".is_self_signed.type"));
        String host = "paths.'/execute/SSL/installed_hosts'" + data + ".items.properties";
        assertEquals(List.of("servername", "docroot", "fqdns", "ip", "port", "type", "user", "installed_at", "certificate"),
                List.copyOf(doc.getMap(host).keySet()));
        assertEquals(certificateKeys, List.copyOf(doc.getMap(host + ".certificate.properties").keySet()));
        String installed = "paths.'/execute/SSL/install_ssl'" + data + ".properties";
        assertEquals(List.of("action", "cert_id", "key_id", "domain", "ip", "user", "html", "message", "statusmsg",
                "extra_certificate_domains", "warning_domains", "working_domains"), List.copyOf(doc.getMap(installed).keySet()));
        assertEquals("Names of the vhost the certificate covers.", doc.getString(installed + ".working_domains.description"));
    }
}
