package dev.openuapi.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.Args;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 12 §2, generated inputs: form bodies, query strings, JSON bodies and multipart fields into
 * arguments. Only the declared outcomes come out: arguments, {@link RequestArgs.UnreadableJson} or an
 * {@link ApiException} (the parameter cap, a nameless part); never another exception.
 */
class RequestArgsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text made of the characters that matter to the parsers, and any other. */
    @Provide
    Arbitrary<String> formText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("=&%+k-0aé\u0000\uD83D\uDE00").ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF%=&").ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> jsonText() {
        Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> {
            try {
                return JSON.writeValueAsString(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), Arbitraries.of("1", "-2.5e3", "true", "false", "null", "[]", "{}", "[1,{\"a\":2}]", "{\"x\":{}}"));
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), scalars).ofMaxSize(8).map(m -> {
            StringBuilder out = new StringBuilder("{");
            m.forEach((k, v) -> {
                try {
                    out.append(out.length() > 1 ? "," : "").append(JSON.writeValueAsString(k)).append(':').append(v);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return out.append('}').toString();
        });
        Arbitrary<String> broken = objects.flatMap(o -> Arbitraries.integers().between(0, o.length()).map(cut -> o.substring(0, cut)));
        return Arbitraries.oneOf(objects, broken, Arbitraries.strings().withChars("{}[]\":,0a \\").ofMaxLength(60));
    }

    @Property(tries = 3000)
    void aFormBodyBecomesArgumentsOrTheCapRefusal(@ForAll("formText") String query, @ForAll("formText") String body,
            @ForAll @IntRange(min = 1, max = 40) int max) throws RequestArgs.UnreadableJson {
        int parts = FormEncoding.parse(query).size() + FormEncoding.parse(body).size();
        try {
            Args args = RequestArgs.post(query, "application/x-www-form-urlencoded", body, JSON, max);
            assertTrue(parts <= max, "past the cap yet read");
            long dropped = new ArrayList<Map.Entry<String, String>>() {
                {
                    addAll(FormEncoding.parse(query));
                    addAll(FormEncoding.parse(body));
                }
            }.stream().filter(p -> p.getKey().startsWith("file-")).count();
            assertEquals(parts - dropped, args.asMap().size(), "every pair is kept under its own name");
            args.asMap().keySet().forEach(key -> assertFalse(key.isEmpty()));
        } catch (ApiException e) {
            assertEquals("The request has more than " + max + " parameters.", e.getMessage());
            assertTrue(parts > max);
        }
    }

    @Property(tries = 3000)
    void aJsonBodyBecomesArgumentsOrADeclaredRefusal(@ForAll("jsonText") String body, @ForAll @IntRange(min = 1, max = 10) int max) {
        try {
            Args args = RequestArgs.post("", "application/json; charset=utf-8", body, JSON, max);
            assertTrue(args.asMap().size() <= max);
        } catch (RequestArgs.UnreadableJson e) {
            assertNotNull(e); // not an object, or a nested value: each face words this its own way
        } catch (ApiException e) {
            assertEquals("The request has more than " + max + " parameters.", e.getMessage());
        }
    }

    @Provide
    Arbitrary<Map<String, List<String>>> fields() {
        return Arbitraries.maps(Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6), Arbitraries.just(null)),
                Arbitraries.strings().all().ofMaxLength(20).list().ofMaxSize(4)).ofMaxSize(6);
    }

    @Property(tries = 2000)
    void multipartFieldsBecomeArgumentsOrADeclaredRefusal(@ForAll("formText") String query, @ForAll("fields") Map<String, List<String>> fields,
            @ForAll @IntRange(min = 1, max = 20) int max) {
        Map<String, Collection<FormValue>> values = new LinkedHashMap<>();
        fields.forEach((name, list) -> values.put(name, list.stream().<FormValue>map(Field::new).toList()));
        MultipartFormDataInput input = () -> values;
        try {
            Args args = RequestArgs.multipart(query, input, max);
            assertTrue(args.asMap().size() <= max);
        } catch (ApiException e) {
            assertTrue(e.getMessage().equals(RequestArgs.NAMELESS_PART) || e.getMessage().equals("The request has more than " + max
                    + " parameters."), e.getMessage());
        }
    }

    /** A text field of a multipart body. */
    private record Field(String value) implements FormValue {
        @Override
        public String getValue() {
            return value;
        }

        @Override
        public String getCharset() {
            return "UTF-8";
        }

        @Override
        public FileItem getFileItem() {
            return null;
        }

        @Override
        public boolean isFileItem() {
            return false;
        }

        @Override
        public String getFileName() {
            return null;
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            return null;
        }
    }
}
