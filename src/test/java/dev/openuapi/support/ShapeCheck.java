package dev.openuapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares an answer's {@code data} with an example from cPanel's reference: the same keys (in any order: cPanel
 * writes Perl hashes, whose key order is random) and the same JSON types, level by level; an array's first element
 * stands for all of them. Values are not compared: the reference's are examples.
 */
public final class ShapeCheck {

    private ShapeCheck() {
    }

    public static void sameShape(String reference, JsonNode actual) {
        compare(Fixtures.json(reference), actual, "data");
    }

    private static void compare(JsonNode reference, JsonNode actual, String where) {
        assertEquals(kind(reference), kind(actual), where + ": the reference has " + reference + ", the answer " + actual);
        if (reference.isObject()) {
            assertEquals(keys(reference), keys(actual), where + ": keys");
            for (Iterator<String> it = reference.fieldNames(); it.hasNext();) {
                String key = it.next();
                compare(reference.get(key), actual.get(key), where + "." + key);
            }
        } else if (reference.isArray() && reference.size() > 0) {
            assertTrue(actual.size() > 0, where + ": the answer's array is empty, so its shape cannot be compared");
            compare(reference.get(0), actual.get(0), where + "[0]");
        }
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** null, boolean, number, string, array or object. */
    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
