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
}
