package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** cPanel's regex arguments are searches ("user" matches "user@example.com"); the refusal is OPENUAPI_CHOICE wording. */
class RegexesTest {

    @Test
    void noExpressionLetsEverythingThrough() {
        assertTrue(Regexes.filter(null, false).test("anything"));
        assertTrue(Regexes.filter("", false).test(""));
    }

    @Test
    void anExpressionSearches() {
        Predicate<String> info = Regexes.filter("^info", false);
        assertTrue(info.test("info2@example.com"));
        assertFalse(info.test("sales@example.com"));
        assertTrue(Regexes.filter("user", false).test("theuser@example.com"), "a search, not a whole match");
        assertFalse(Regexes.filter("ALICE", false).test("alice"));
        assertTrue(Regexes.filter("ALICE", true).test("alice"));
    }

    @Test
    void anInvalidExpressionIsRefused() {
        assertEquals("“(” is not a valid regular expression (missing closing ): `(`).",
                assertThrows(ApiException.class, () -> Regexes.filter("(", false)).getMessage());
    }

    /** RE2 has no backreferences or lookaround: refused with RE2/J's reason, never run by a backtracking engine. */
    @Test
    void backreferencesAndLookaroundAreRefusedWithTheReason() {
        assertEquals("invalid escape sequence: `\\1`", assertThrows(Regexes.Unusable.class, () -> Regexes.compile("^(a+)+\\1$", false))
                .getMessage());
        assertEquals("invalid or unsupported Perl syntax: `(?=`",
                assertThrows(Regexes.Unusable.class, () -> Regexes.compile("a(?=b)", false)).getMessage());
    }

    /** Patterns that take exponential time on java.util.regex answer at once, and right (the timeout is only a guard). */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void catastrophicPatternsForBacktrackingAreLinear() {
        String text = "a".repeat(5_000) + "-";
        assertFalse(Regexes.compile("^(a+)+$", false).test(text));
        assertFalse(Regexes.compile("^(a|aa)+$", false).test(text));
        assertTrue(Regexes.compile("^(a|aa)+-$", false).test(text));
        assertTrue(Regexes.compile("(a*)*-", false).test(text));
        assertFalse(Regexes.compile("^(a|a?)+b$", false).test("a".repeat(100_000)));
    }

    /** RE2/J expands counted repetitions when it compiles: nested ones would take a million instructions or all memory. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void hugeRepetitionsAndHugePatternsAreRefused() {
        assertEquals("its repetitions are too large",
                assertThrows(Regexes.Unusable.class, () -> Regexes.compile("((a{1000}){1000}){1000}", false)).getMessage());
        assertThrows(Regexes.Unusable.class, () -> Regexes.compile("(a{100}){100}", false));
        assertThrows(Regexes.Unusable.class, () -> Regexes.compile("[a-z]{1001}", false));
        assertEquals("longer than 1000 characters", assertThrows(Regexes.Unusable.class,
                () -> Regexes.compile("a".repeat(1001), false)).getMessage());
        // ordinary counted repetitions stay usable; braces that are not repetitions count as characters
        assertTrue(Regexes.compile("^[a-z0-9]{1,63}(\\.[a-z0-9]{1,63}){0,5}$", false).test("mail.example.com"));
        assertTrue(Regexes.compile("^(\\d{1,3}\\.){3}\\d{1,3}$", false).test("192.0.2.1"));
        assertTrue(Regexes.compile("x\\{5000\\}", false).test("x{5000}"));
        assertTrue(Regexes.compile("[{]9999[}]", false).test("{9999}"));
        assertTrue(Regexes.expansion("(a{10}){10}") >= 100);
    }
}
