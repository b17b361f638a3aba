package dev.openuapi.ssl;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.TestCertificates.KeyFormat;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

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
}
