package dev.openuapi.support;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The comparison the function tests lean on fails where cPanel's shape and OpenUAPI's differ. */
class JsonShapesTest {

    private static final String EXAMPLE = "{\"data\":{\"acct\":[{\"limit\":0,\"user\":\"u\",\"ipv6\":\"::1\"}]}}";

    @Test
    void sameShapeDifferentValuesPass() {
        JsonShapes.assertSameShape(EXAMPLE, Fixtures.json("{\"data\":{\"acct\":[{\"limit\":5,\"user\":\"x\",\"ipv6\":\"2001:db8::1\"}]}}"));
        JsonShapes.assertSameShape(EXAMPLE, Fixtures.json("{\"data\":{\"acct\":[{\"limit\":5,\"user\":\"x\",\"ipv6\":null}]}}"),
                "data.acct[].ipv6");
    }

    @Test
    void aNumberAsTextAMissingKeyAnExtraKeyOrAnUnexpectedNullFail() {
        assertThrows(AssertionError.class, () -> JsonShapes.assertSameShape(EXAMPLE,
                Fixtures.json("{\"data\":{\"acct\":[{\"limit\":\"5\",\"user\":\"x\",\"ipv6\":\"::1\"}]}}")));
        assertThrows(AssertionError.class, () -> JsonShapes.assertSameShape(EXAMPLE,
                Fixtures.json("{\"data\":{\"acct\":[{\"limit\":5,\"ipv6\":\"::1\"}]}}")));
        assertThrows(AssertionError.class, () -> JsonShapes.assertSameShape(EXAMPLE,
                Fixtures.json("{\"data\":{\"acct\":[{\"limit\":5,\"user\":\"x\",\"ipv6\":\"::1\",\"more\":1}]}}")));
        assertThrows(AssertionError.class, () -> JsonShapes.assertSameShape(EXAMPLE,
                Fixtures.json("{\"data\":{\"acct\":[{\"limit\":5,\"user\":\"x\",\"ipv6\":null}]}}")));
        assertThrows(AssertionError.class, () -> JsonShapes.assertSameShape(EXAMPLE, Fixtures.json("{\"data\":{\"acct\":[]}}")));
    }
}
