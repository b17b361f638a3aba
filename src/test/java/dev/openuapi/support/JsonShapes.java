package dev.openuapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares an answer with cPanel's reference example (api.docs.cpanel.net): the same keys in every object, and each
 * value of the same JSON type (a number stays a number, a string a string); arrays compare their first elements.
 * The values themselves differ, of course. {@code nullable} names the paths (like {@code data.domains[].ipv6}) where
 * the answer may hold null instead of the example's type.
 */
public final class JsonShapes {

    private JsonShapes() {
    }

    public static void assertSameShape(String example, JsonNode actual, String... nullable) {
        compare(Fixtures.json(example), actual, "", Set.of(nullable), actual.toString());
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, Set<String> nullable, String whole) {
        if (actual.isNull() && (expected.isNull() || nullable.contains(path))) {
            return;
        }
        assertEquals(type(expected), type(actual), "type of " + (path.isEmpty() ? "the answer" : path) + " in " + whole);
        if (expected.isObject()) {
            assertEquals(keys(expected), keys(actual), "keys of " + (path.isEmpty() ? "the answer" : path) + " in " + whole);
            for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
                String key = it.next();
                compare(expected.get(key), actual.get(key), path.isEmpty() ? key : path + "." + key, nullable, whole);
            }
        } else if (expected.isArray() && expected.size() > 0) {
            assertTrue(actual.size() > 0, path + " is empty, so its elements cannot be compared: " + whole);
            compare(expected.get(0), actual.get(0), path + "[]", nullable, whole);
        }
    }

    private static String type(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
