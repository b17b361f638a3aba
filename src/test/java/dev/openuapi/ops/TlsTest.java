package dev.openuapi.ops;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * HTTPS on the TLS port ({@code quarkus.http.test-ssl-port} in tests, 2083 otherwise) with the self-signed certificate generated at
 * first start, since the test profile configures none.
 */
@QuarkusTest
class TlsTest {

    static final Path GENERATED = Path.of("target/tls/openuapi.crt");

    @Test
    void aTokenWorksOverHttpsWithTheGeneratedCertificate() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(TestConfig.tlsPort())
                .header("Authorization", "cpanel " + alice.username() + ":" + token)
                .get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1));

        assertTrue(Files.isRegularFile(GENERATED), "generated into openuapi.tls.directory");
        X509Certificate stored;
        try (InputStream in = Files.newInputStream(GENERATED)) {
            stored = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Certificate served = servedCertificate();
        assertArrayEquals(stored.getEncoded(), served.getEncoded(), "HTTPS serves the stored certificate");

        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(stored.getEncoded()));
        String log = Files.readString(Path.of("target/openuapi-test.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("SHA-256 fingerprint " + fingerprint), "the fingerprint is logged at startup");
    }

    private static Certificate servedCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { trustAll }, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", TestConfig.tlsPort())) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }
}
