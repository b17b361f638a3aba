package dev.openuapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 12 §2, generated inputs: any {@code Authorization} header gives credentials, a scheme without them,
 * or nothing; it never throws, never keeps a blank user or secret, and never prints the secret.
 */
class AuthorizationHeaderPropertiesTest {

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> scheme = Arbitraries.of("cpanel", "CPANEL", "whm", "Basic", "basic", "Bearer", "", " cpanel ");
        Arbitrary<String> rest = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("a:= /+\t").ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(40).map(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(80),
                scheme.flatMap(s -> rest.map(r -> s + " " + r)));
    }

    @Property(tries = 5000)
    void anyHeaderIsReadWithoutSurprises(@ForAll("headers") String header) {
        AuthorizationHeader read = AuthorizationHeader.read(header);
        if (read == null) {
            assertFalse(AuthorizationHeader.parse(header).isPresent());
            return;
        }
        assertNotNull(read.scheme());
        if (read.isComplete()) {
            assertFalse(read.user().isEmpty());
            assertFalse(read.secret().isEmpty());
            assertEquals("AuthorizationHeader[" + read.scheme() + " " + read.user() + ":***]", read.toString(),
                    "the secret is never printed");
        } else {
            assertNull(read.secret());
        }
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:").ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
    }

    @Property(tries = 3000)
    void wellFormedCredentialsComeBackAsSent(@ForAll("users") String user, @ForAll("secrets") String secret) {
        AuthorizationHeader token = AuthorizationHeader.parse("cpanel " + user + ":" + secret).orElseThrow();
        assertEquals(AuthorizationHeader.Scheme.CPANEL, token.scheme());
        assertEquals(user, token.user());
        assertEquals(secret, token.secret(), "everything after the first colon is the secret");
        String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        AuthorizationHeader password = AuthorizationHeader.parse("Basic " + basic).orElseThrow();
        assertEquals(user, password.user());
        assertEquals(secret, password.secret());
        assertEquals("AuthorizationHeader[BASIC " + user + ":***]", password.toString(), "the password is never printed");
    }
}
