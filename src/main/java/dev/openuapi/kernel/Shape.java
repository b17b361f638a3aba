package dev.openuapi.kernel;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The shape of a function's {@code data}, small enough to declare beside the function and rich enough to
 * become the OpenAPI schema. {@code type} is a JSON Schema type name. A typed row (a record) is declared
 * once and its shape read from it with {@link #of(Class)}.
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

    /**
     * The shape of a typed row: an object with one property per record component, in declaration order (the
     * order Jackson writes them), named as Jackson names them ({@code @JsonProperty}; a {@code @JsonUnwrapped}
     * record's components take its place). Each component's
     * {@code @Schema} gives its description, {@code nullable} and, for an {@code Object} component that
     * holds a number or a string, its {@code type}. Lists become arrays, maps objects keyed by data, nested
     * records objects. The record, like every row Jackson writes, is registered for reflection.
     */
    public static Shape of(Class<? extends Record> row) {
        Schema doc = row.getAnnotation(Schema.class);
        ObjectBuilder object = object(doc == null || doc.description().isEmpty() ? null : doc.description());
        for (RecordComponent component : row.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                // its fields are written in its place, as Jackson does
                @SuppressWarnings("unchecked")
                Class<? extends Record> unwrapped = (Class<? extends Record>) component.getType();
                of(unwrapped).properties().forEach(object::field);
                continue;
            }
            JsonProperty name = component.getAccessor().getAnnotation(JsonProperty.class);
            object.field(name == null || name.value().isEmpty() ? component.getName() : name.value(),
                    component(component.getGenericType(), component.getAccessor().getAnnotation(Schema.class)));
        }
        return object.build();
    }

    private static Shape component(Type type, Schema doc) {
        String description = doc == null || doc.description().isEmpty() ? null : doc.description();
        Shape shape;
        if (doc != null && doc.type() != SchemaType.DEFAULT) {
            shape = new Shape(doc.type().toString(), description, null, null, null, false);
        } else {
            shape = shapeOf(type, description);
        }
        return doc != null && doc.nullable() ? shape.orNull() : shape;
    }

    @SuppressWarnings("unchecked")
    private static Shape shapeOf(Type type, String description) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return string(description);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class) {
            return integer(description);
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == java.math.BigDecimal.class) {
            return number(description);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Shape("boolean", description, null, null, null, false);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return arrayOf(description, shapeOf(typeArgument(type, 0), null));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return mapOf(description, shapeOf(typeArgument(type, 1), null));
        }
        if (raw.isRecord()) {
            Shape row = of((Class<? extends Record>) raw);
            return new Shape("object", description != null ? description : row.description(), row.properties(), null, null, false);
        }
        return new Shape(null, description, null, null, null, false); // any JSON value
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("A typed row's collections need their element type: " + type);
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
