package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

class ShapeTest {

    @Schema(description = "A nested thing.")
    record Inner(int n) {
    }

    @Schema(description = "A row.")
    record Row(@Schema(description = "Its name.") String name, @JsonProperty("create_time") long createTime,
            @Schema(description = "Or null.", nullable = true) Long expiresAt, List<String> tags, Map<String, Integer> flags, Inner inner,
            @Schema(description = "MB, or unlimited.", type = SchemaType.STRING) Object quota, boolean on) {
    }

    @Test
    void aRecordDeclaresItsShapeInJacksonsOrderAndNames() throws Exception {
        Shape shape = Shape.of(Row.class);
        assertEquals("object", shape.type());
        assertEquals("A row.", shape.description());
        assertEquals(List.of("name", "create_time", "expiresAt", "tags", "flags", "inner", "quota", "on"),
                List.copyOf(shape.properties().keySet()));
        Row row = new Row("a", 1, null, List.of("x"), Map.of("f", 1), new Inner(2), "unlimited", true);
        String json = new ObjectMapper().writeValueAsString(row);
        assertEquals("{\"name\":\"a\",\"create_time\":1,\"expiresAt\":null,\"tags\":[\"x\"],\"flags\":{\"f\":1},\"inner\":{\"n\":2},"
                + "\"quota\":\"unlimited\",\"on\":true}", json, "the shape's order is the order on the wire");
    }

    @Test
    void typesDescriptionsAndNullability() {
        Map<String, Shape> p = Shape.of(Row.class).properties();
        assertEquals("string", p.get("name").type());
        assertEquals("Its name.", p.get("name").description());
        assertEquals("integer", p.get("create_time").type());
        assertFalse(p.get("create_time").nullable());
        assertTrue(p.get("expiresAt").nullable());
        assertEquals("array", p.get("tags").type());
        assertEquals("string", p.get("tags").items().type());
        assertEquals("object", p.get("flags").type());
        assertEquals("integer", p.get("flags").additionalProperties().type());
        assertEquals("object", p.get("inner").type());
        assertEquals("A nested thing.", p.get("inner").description());
        assertEquals("integer", p.get("inner").properties().get("n").type());
        assertEquals("string", p.get("quota").type());
        assertEquals("boolean", p.get("on").type());
        assertNull(Shape.of(Inner.class).properties().get("n").description());
    }
}
