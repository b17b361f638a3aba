package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 12 row 14: an error message quotes at most 100 characters of what it refused. */
class QuoteTest {

    @Test
    void shortInputIsQuotedWhole() {
        assertEquals("“abc”", Quote.of("abc"));
        assertEquals("“null”", Quote.of(null));
        assertEquals("“" + "y".repeat(100) + "”", Quote.of("y".repeat(100)));
    }

    @Test
    void longInputIsCutAtOneHundredCharacters() {
        assertEquals("“" + "y".repeat(100) + "…”", Quote.of("y".repeat(900_000)));
        String emoji = "y".repeat(99) + "\uD83D\uDE00" + "z";
        assertEquals("y".repeat(99) + "…", Quote.cut(emoji), "a surrogate pair is never split");
    }
}
