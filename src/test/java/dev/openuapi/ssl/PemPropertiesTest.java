package dev.openuapi.ssl;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.openuapi.common.ApiException;
import dev.openuapi.support.TestCertificates;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 12 §2, generated inputs: the PEM parser on random text and on real keys and certificates cut,
 * corrupted or wrapped. It gives a key or certificates, or an {@link ApiException}; never another exception.
 */
class PemPropertiesTest {

    private static final TestCertificates.Pair RSA = TestCertificates.selfSigned(TestCertificates.KeyFormat.PKCS1_RSA, "a.example");
    private static final TestCertificates.Pair EC = TestCertificates.selfSigned(TestCertificates.KeyFormat.SEC1_EC, "b.example");
    private static final List<String> SEEDS = List.of(RSA.key(), RSA.certificate(), EC.key(), EC.certificate(),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    /** A seed with one of: a cut, a character replaced, a span removed, a prefix added. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<String> noise = Arbitraries.strings().withChars("-ABEGINKYa=+/\n\r: \u0000").ofMaxLength(20);
        return Arbitraries.oneOf(
                Combinators.combine(seed, Arbitraries.doubles().between(0, 1)).as((s, f) -> s.substring(0, (int) (s.length() * f))),
                Combinators.combine(seed, Arbitraries.doubles().between(0, 1), noise).as((s, f, n) -> {
                    int at = (int) ((s.length() - 1) * f);
                    return s.substring(0, at) + n + s.substring(Math.min(s.length(), at + 1));
                }),
                Combinators.combine(seed, Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1)).as((s, f, g) -> {
                    int a = (int) (s.length() * Math.min(f, g));
                    int b = (int) (s.length() * Math.max(f, g));
                    return s.substring(0, a) + s.substring(b);
                }),
                Combinators.combine(noise, seed).as((n, s) -> n + s),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Property(tries = 2000)
    void anyTextGivesAKeyOrADeclaredRefusal(@ForAll("mutated") String pem) {
        try {
            assertNotNull(Pem.privateKey(pem));
        } catch (ApiException e) {
            assertTrue(e.getMessage().length() < 400, e.getMessage());
        }
    }

    @Property(tries = 2000)
    void anyTextGivesCertificatesOrADeclaredRefusal(@ForAll("mutated") String pem) {
        try {
            assertTrue(!Pem.certificates(pem, "certificate").isEmpty());
        } catch (ApiException e) {
            assertTrue(e.getMessage().length() < 400, e.getMessage());
        }
    }
}
