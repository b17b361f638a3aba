package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** cPanel's regex arguments are searches ("user" matches "user@example.com"); the refusal is OPENUAPI_CHOICE wording. */
class RegexesTest {

    @Test
    void noExpressionLetsEverythingThrough() {
        assertTrue(Regexes.filter(null, 0).test("anything"));
        assertTrue(Regexes.filter("", 0).test(""));
    }

    @Test
    void anExpressionSearches() {
        Predicate<String> info = Regexes.filter("^info", 0);
        assertTrue(info.test("info2@example.com"));
        assertFalse(info.test("sales@example.com"));
        assertTrue(Regexes.filter("user", 0).test("theuser@example.com"), "a search, not a whole match");
        assertFalse(Regexes.filter("ALICE", 0).test("alice"));
        assertTrue(Regexes.filter("ALICE", Pattern.CASE_INSENSITIVE).test("alice"));
    }

    @Test
    void anInvalidExpressionIsRefused() {
        assertEquals("“(” is not a valid regular expression.", assertThrows(ApiException.class, () -> Regexes.filter("(", 0)).getMessage());
    }
}
