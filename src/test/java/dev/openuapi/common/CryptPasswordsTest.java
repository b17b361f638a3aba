package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SHA512-CRYPT as glibc, Dovecot and pure-ftpd read it: checked against the openssl command. */
class CryptPasswordsTest {

    @Test
    void matchesOpensslsSha512Crypt() throws Exception {
        String crypt = CryptPasswords.sha512Crypt("correct horse");
        assertTrue(CryptPasswords.isSha512Crypt(crypt), crypt);
        String salt = crypt.split("\\$")[2];
        Process openssl = new ProcessBuilder("openssl", "passwd", "-6", "-salt", salt, "correct horse").redirectErrorStream(true).start();
        String expected = new String(openssl.getInputStream().readAllBytes()).trim();
        assertEquals(0, openssl.waitFor());
        assertEquals(expected, crypt);
        assertTrue(CryptPasswords.matches("correct horse", crypt));
        assertFalse(CryptPasswords.matches("wrong horse", crypt));
        assertFalse(CryptPasswords.matches("x", "not a crypt"));
    }

    static String openssl(String salt, String password) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "passwd", "-6", "-salt", salt, password).redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes()).trim();
        assertEquals(0, openssl.waitFor(), out);
        return out;
    }

    /** Salts are random: one in 64 begins with "r", which a "rounds=" parser can mistake for its field. */
    @Test
    void aHashWhoseSaltBeginsWithRVerifies() throws Exception {
        for (String salt : new String[] { "rhLi/aoyfIzyclhi", "r", "rounds" }) {
            String crypt = openssl(salt, "ftp-password-1");
            assertTrue(CryptPasswords.matches("ftp-password-1", crypt), crypt);
            assertFalse(CryptPasswords.matches("ftp-password-2", crypt), crypt);
        }
        // explicit rounds, as glibc writes them when they are not the default
        String rounds = openssl("rounds=10000$saltsalt", "pw");
        assertTrue(rounds.startsWith("$6$rounds=10000$saltsalt$"), rounds);
        assertTrue(CryptPasswords.matches("pw", rounds), rounds);
        assertFalse(CryptPasswords.matches("pw2", rounds), rounds);
    }

    @Test
    void everyGeneratedHashVerifies() {
        for (int i = 0; i < 500; i++) {
            String crypt = CryptPasswords.sha512Crypt("pw-" + i);
            assertTrue(CryptPasswords.matches("pw-" + i, crypt), crypt);
        }
    }
}
