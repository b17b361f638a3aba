package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * "unlimited" parsing. cPanel's documents: a plan limit is a number or "unlimited" (WHM addpkg), a mailbox
 * or FTP quota a number of MB where 0 means unlimited (UAPI Ftp::add_ftp: "A value of 0 grants the FTP
 * account unlimited disk space"). The refusals are each caller's own (OPENUAPI_CHOICE wording).
 */
class QuantitiesTest {

    private static final UnaryOperator<String> REFUSAL = raw -> "bad " + raw;

    @Test
    void unlimitedNothingOrANumber() {
        assertNull(Quantities.orUnlimited(null, REFUSAL));
        assertNull(Quantities.orUnlimited("", REFUSAL));
        assertNull(Quantities.orUnlimited("unlimited", REFUSAL));
        assertNull(Quantities.orUnlimited("UNLIMITED", REFUSAL));
        assertEquals(0L, Quantities.orUnlimited("0", REFUSAL), "for a plan limit, 0 is a limit");
        assertEquals(250L, Quantities.orUnlimited("250", REFUSAL));
        assertEquals(999_999_999_999L, Quantities.orUnlimited("999999999999", REFUSAL));
    }

    @Test
    void anythingElseIsRefusedInTheCallersWords() {
        for (String raw : new String[] {"-1", "1.5", "ten", " 5", "1000000000000", "unlimitedx"}) {
            ApiException e = assertThrows(ApiException.class, () -> Quantities.orUnlimited(raw, REFUSAL), raw);
            assertEquals("bad " + raw, e.getMessage());
        }
    }

    @Test
    void forAQuotaZeroIsUnlimited() {
        assertNull(Quantities.orUnlimitedOrZero("0", REFUSAL));
        assertNull(Quantities.orUnlimitedOrZero("unlimited", REFUSAL));
        assertEquals(0L, Quantities.orUnlimitedOrZero("00", REFUSAL), "OPENUAPI_CHOICE: only the string 0, as before");
        assertEquals(100L, Quantities.orUnlimitedOrZero("100", REFUSAL));
        assertEquals("bad x", assertThrows(ApiException.class, () -> Quantities.orUnlimitedOrZero("x", REFUSAL)).getMessage());
    }

    @Test
    void aCountMustFitAnInt() {
        UnaryOperator<String> tooLarge = raw -> "too large " + raw;
        assertEquals(Integer.MAX_VALUE, Quantities.countOrUnlimited("2147483647", REFUSAL, tooLarge));
        assertNull(Quantities.countOrUnlimited("unlimited", REFUSAL, tooLarge));
        assertEquals("too large 2147483648",
                assertThrows(ApiException.class, () -> Quantities.countOrUnlimited("2147483648", REFUSAL, tooLarge)).getMessage());
        assertEquals("bad x", assertThrows(ApiException.class, () -> Quantities.countOrUnlimited("x", REFUSAL, tooLarge)).getMessage());
    }
}
