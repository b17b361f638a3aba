package dev.openuapi.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a function's {@code data}, small enough to declare beside the function and rich enough to
 * become the OpenAPI schema. {@code type} is a JSON Schema type name.
 */
public record Shape(String type, String description, Map<String, Shape> properties, Shape items,
        Shape additionalProperties, boolean nullable) {

    public static Shape string(String description) {
        return new Shape("string", description, null, null, null, false);
    }

    public static Shape integer(String description) {
        return new Shape("integer", description, null, null, null, false);
    }

    public static Shape number(String description) {
        return new Shape("number", description, null, null, null, false);
    }

    /** {@code null}: functions such as {@code rename} return no data. */
    public static Shape none() {
        return new Shape(null, "Always null.", null, null, null, true);
    }

    public static Shape arrayOf(String description, Shape items) {
        return new Shape("array", description, null, items, null, false);
    }

    /** An object whose keys are data (feature names, for example), each value of one shape. */
    public static Shape mapOf(String description, Shape values) {
        return new Shape("object", description, null, null, values, false);
    }

    public static ObjectBuilder object(String description) {
        return new ObjectBuilder(description);
    }

    public Shape orNull() {
        return new Shape(type, description, properties, items, additionalProperties, true);
    }

    public static final class ObjectBuilder {
        private final String description;
        private final Map<String, Shape> properties = new LinkedHashMap<>();

        private ObjectBuilder(String description) {
            this.description = description;
        }

        public ObjectBuilder field(String name, Shape shape) {
            properties.put(name, shape);
            return this;
        }

        public Shape build() {
            return new Shape("object", description, Collections.unmodifiableMap(new LinkedHashMap<>(properties)), null,
                    null, false);
        }
    }
}
