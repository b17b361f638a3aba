package dev.openuapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the raw UAPI envelope, where cPanel's exact shape matters (null versus [], 1 versus "1"). */
public final class Uapi {

    private Uapi() {
    }

    /** Checks the six keys and their types, and returns the parsed envelope. */
    public static JsonNode envelope(String body) {
        assertTrue(body.endsWith("}\n"), "a UAPI body ends with a newline: " + body);
        JsonNode root = Fixtures.json(body);
        List<String> keys = new java.util.ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(List.of("status", "errors", "warnings", "messages", "metadata", "data"), keys, body);
        assertTrue(root.get("status").isInt(), "status is an integer: " + body);
        for (String list : List.of("errors", "warnings", "messages")) {
            JsonNode node = root.get(list);
            assertTrue(node.isNull() || (node.isArray() && node.size() > 0), list + " is null or a non-empty array: " + body);
        }
        assertTrue(root.get("metadata").isObject(), body);
        return root;
    }

    public static JsonNode success(String body) {
        JsonNode root = envelope(body);
        assertEquals(1, root.get("status").intValue(), body);
        assertTrue(root.get("errors").isNull(), body);
        return root;
    }

    /** A failed call: status 0, exactly this error, data null. */
    public static JsonNode failure(String body, String error) {
        JsonNode root = envelope(body);
        assertEquals(0, root.get("status").intValue(), body);
        assertEquals(1, root.get("errors").size(), body);
        assertEquals(error, root.get("errors").get(0).textValue(), body);
        assertTrue(root.get("data").isNull(), body);
        return root;
    }
}
