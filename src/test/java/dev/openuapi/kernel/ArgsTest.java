package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.face.FormEncoding;

/** cPanel's parameter normalisation (spec §5.1-§5.3), without a server. */
class ArgsTest {

    @Test
    void repeatedKeysAreNumberedFromZero() {
        Args args = Args.fromPairs(FormEncoding.parse("email=a&email=b&email=c"));
        assertEquals(Map.of("email", "a", "email-0", "b", "email-1", "c"), args.asMap());
        assertEquals(List.of("a", "b", "c"), args.getMultiple("email"));
    }

    /** Issue 12 row 3: 200,000 repeats of one key took minutes (each repeat searched k-0, k-1, … from the start). */
    @Test
    @org.junit.jupiter.api.Timeout(value = 20, unit = java.util.concurrent.TimeUnit.SECONDS)
    void manyRepeatsOfOneKeyAreNumberedInLinearTime() {
        int count = 200_000;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("k=").append(i).append('&').append("k-").append(i * 2 + 1).append("=odd").append('&');
        }
        Args args = Args.fromPairs(FormEncoding.parse(body.toString()));
        assertEquals(2 * count, args.asMap().size(), "no pair is lost");
        assertEquals("0", args.get("k"));
        assertEquals("1", args.get("k-0"), "the first free name");
        assertEquals("odd", args.get("k-1"), "an explicit name keeps its value");
        assertEquals("2", args.get("k-2"));
    }

    @Test
    void aKeyWithoutEqualsSignStaysLinearAndValueless() {
        String body = "k&".repeat(100_000) + "last=1";
        List<Map.Entry<String, String>> pairs = FormEncoding.parse(body);
        assertEquals(100_001, pairs.size());
        assertNull(pairs.get(0).getValue());
        assertEquals("1", pairs.get(100_000).getValue());
    }

    @Test
    void theParameterCapStopsReading() {
        List<Map.Entry<String, String>> pairs = new java.util.ArrayList<>();
        dev.openuapi.common.ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(dev.openuapi.common.ApiException.class,
                () -> FormEncoding.parseInto("a=1&b=2&&c=3&d=4", pairs, 3));
        assertEquals("The request has more than 3 parameters.", refused.getMessage());
        assertEquals(3, pairs.size());
        List<Map.Entry<String, String>> one = new java.util.ArrayList<>();
        FormEncoding.parseInto("&x=1&", one, 1);
        assertEquals(1, one.size(), "empty parts do not count");
    }

    @Test
    void numberingSkipsNamesAlreadyTaken() {
        Args args = Args.fromPairs(FormEncoding.parse("x-0=explicit&x=a&x=b"));
        assertEquals("explicit", args.get("x-0"));
        assertEquals("a", args.get("x"));
        assertEquals("b", args.get("x-1"));
    }

    @Test
    void getMultipleSortsSuffixesNumerically() {
        Args args = Args.fromPairs(FormEncoding.parse("acl-10=j&acl-2=b&acl=first&acl-1=a&aclx-0=no"));
        assertEquals(List.of("first", "a", "b", "j"), args.getMultiple("acl"));
    }

    @Test
    void fileKeysAreDropped() {
        Args args = Args.fromPairs(FormEncoding.parse("file-upload=/etc/passwd&name=x"));
        assertFalse(args.has("file-upload"));
        assertEquals("x", args.get("name"));
    }

    @Test
    void decodingAndValuelessKeys() {
        Args args = Args.fromPairs(FormEncoding.parse("a=1+2%2B3&flag&&b%20c=%E2%9C%93&bad=%zz%"));
        assertEquals("1 2+3", args.get("a"));
        assertTrue(args.has("flag"));
        assertNull(args.get("flag"));
        assertEquals("✓", args.get("b c"));
        assertEquals("%zz%", args.get("bad"));
    }

    @Test
    void perlTruthiness() {
        Args args = Args.fromPairs(FormEncoding.parse("a=1&b=0&c=&d=yes"));
        assertTrue(args.isTrue("a"));
        assertFalse(args.isTrue("b"));
        assertFalse(args.isTrue("c"));
        assertTrue(args.isTrue("d"));
        assertFalse(args.isTrue("missing"));
    }

    /** getMultiple's name-N keys: 1 to 17 ASCII digits after "name-", as the pattern name-([0-9]+) with N shorter than 18 digits. */
    @Test
    void onlyNameDashDigitsAreNumberedValues() {
        Args args = Args.fromPairs(FormEncoding.parse("name=a&name-2=c&name-01=b&name-=x&name-1a=x&namex-1=x&name-%D9%A1=x"
                + "&name-12345678901234567=d&name-123456789012345678=x&nam-1=x&name-3"));
        assertEquals(List.of("a", "b", "c", "d"), args.getMultiple("name"));
        assertEquals(-1, Args.suffixOf("name", "name"));
        assertEquals(-1, Args.suffixOf("name-", "name"));
        assertEquals(-1, Args.suffixOf("a.b-1", "a+b"));
        assertEquals(7, Args.suffixOf("a+b-007", "a+b"));
        assertEquals(List.of(), Args.empty().getMultiple("name"));
    }
}
