package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** 8 characters or more: OPENUAPI_CHOICE (cPanel scores strength instead), in the wording the Email, Ftp and Mysql tests expect. */
class PasswordRuleTest {

    @Test
    void eightCharactersOrMore() {
        assertDoesNotThrow(() -> PasswordRule.requireMinimumLength("12345678"));
        for (String password : new String[] {null, "", "1234567"}) {
            assertEquals("The password must be at least 8 characters long.",
                    assertThrows(ApiException.class, () -> PasswordRule.requireMinimumLength(password)).getMessage());
        }
    }

    @Test
    void cryptPasswordsUsesTheRule() {
        assertThrows(ApiException.class, () -> CryptPasswords.fromInput("1234567", null, "pass_hash"));
        assertEquals(true, CryptPasswords.isSha512Crypt(CryptPasswords.fromInput("12345678", null, "pass_hash")));
    }
}
