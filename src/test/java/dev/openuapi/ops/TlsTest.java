package dev.openuapi.ops;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
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

    /** Issue 12 row 8: the generated key is the service user's alone. */
    @Test
    void theGeneratedKeyIsReadableByItsOwnerOnly() throws Exception {
        Path key = GENERATED.resolveSibling("openuapi.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "the key's mode is 0600");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())), "its directory's mode is 0700");
    }

    /**
     * Issue 12 row 11: on TLS 1.2 only ECDHE key exchange with AEAD ciphers (the repro offered AES128-SHA,
     * AES256-SHA and AES128-GCM-SHA256); TLS 1.3 stays on; TLS 1.0 and 1.1 stay off.
     */
    @Test
    void tls12OffersOnlyForwardSecretAeadSuitesAndTls13StaysOn() throws Exception {
        for (String weak : List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")) {
            assertThrows(SSLException.class, () -> handshake("TLSv1.2", weak), weak + " was accepted on TLS 1.2");
        }
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
        assertEquals("TLS_AES_256_GCM_SHA384", handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
        assertEquals("TLSv1.3", handshakeProtocol(null), "a client that offers everything gets TLS 1.3");
        for (String old : List.of("TLSv1", "TLSv1.1")) {
            assertThrows(SSLException.class, () -> handshakeProtocol(old), old + " was accepted");
        }
    }

    /** The suite the server chose when the client offers only {@code suite} on {@code protocol}. */
    private static String handshake(String protocol, String suite) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingContext().getSocketFactory().createSocket("localhost", TestConfig.tlsPort())) {
            socket.setEnabledProtocols(new String[] { protocol });
            socket.setEnabledCipherSuites(new String[] { suite });
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    /** The protocol negotiated when the client offers only {@code protocol} (null: the client's defaults). */
    private static String handshakeProtocol(String protocol) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingContext().getSocketFactory().createSocket("localhost", TestConfig.tlsPort())) {
            if (protocol != null) {
                socket.setEnabledProtocols(new String[] { protocol });
                // The JDK's own client refuses TLS 1.0/1.1 suites it disabled; offer every suite it supports.
                socket.setEnabledCipherSuites(socket.getSupportedCipherSuites());
            }
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    private static Certificate servedCertificate() throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingContext().getSocketFactory().createSocket("localhost", TestConfig.tlsPort())) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    private static SSLContext trustingContext() throws Exception {
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
        return context;
    }
}
