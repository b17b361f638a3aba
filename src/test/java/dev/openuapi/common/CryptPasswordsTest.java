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
}
