package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 12 §2, generated inputs: any {@code api.*} / {@code api2_*} arguments on any rows give a result
 * (rows, messages, or the pagination error); the post-processing never throws, and never adds rows.
 */
class ListTransformPropertiesTest {

    private static final List<String> KEYS = List.of("filter_column", "filter_type", "filter_term", "sort_column", "sort_method",
            "sort_reverse", "paginate_start", "paginate_size", "columns", "filter", "sort", "paginate");

    @Provide
    Arbitrary<List<String>> values() {
        return Arbitraries.oneOf(Arbitraries.of("name", "quota", "*", "matches", "contains", "lt", "gt", "eq", "ne", "begins", "ends",
                "lt_handle_unlimited", "gt_handle_unlimited", "numeric", "ipv4", "numeric_zero_as_max", "unlimited", "1", "0", "-1",
                "2", "3", "99999999999999999999", "1e308", "9e18", "NaN", "^(a+)+\\1$", "(", "[", "a{1000}{1000}", "(a|aa)+$", "\\p{L}", ""),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("()[]{}|*+?\\^$.a1,").ofMaxLength(20)).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> suffix = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("_0", "_1", "_a", "-0", "_99999999999999999999"),
                Arbitraries.strings().all().ofMaxLength(4));
        return Combinators.combine(Arbitraries.of("api.", "api2_"), Arbitraries.of(KEYS), suffix).as((p, k, s) -> p + k + s).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> rows() {
        Arbitrary<Object> cell = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n), Arbitraries.just(null), Arbitraries.just("unlimited"),
                Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3).map(l -> (Object) l));
        Arbitrary<Map<String, Object>> row = Combinators.combine(cell, cell, cell).as((a, b, c) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", a);
            map.put("quota", b);
            map.put("ip", c);
            return map;
        });
        return row.list().ofMaxSize(8);
    }

    @Property(tries = 4000)
    void anyPostProcessingArgumentsGiveAResult(@ForAll("rows") List<Map<String, Object>> rows,
            @ForAll("keys") List<String> keys, @ForAll("values") List<String> values) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(keys.get(i), values.get(i)));
        }
        Args args = Args.fromPairs(pairs);
        for (boolean api2 : new boolean[] {false, true}) {
            ListTransform.Spec spec = ListTransform.parse(args, api2 ? "api2_" : "api.", api2);
            ListTransform.Result result = ListTransform.apply(rows, spec);
            assertNotNull(result.messages());
            if (result.error() == null) {
                assertTrue(result.rows().size() <= rows.size(), "post-processing never adds rows");
            }
            result.messages().forEach(m -> assertTrue(m.length() < 1000, m));
        }
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), Arbitraries.integers().between(-3, 10).map(String::valueOf),
                Arbitraries.of("1e308", "9e18", "-1e308", "NaN", "", "unlimited", "0x10"));
    }

    /** Any page start and size: a page of at most the rows there are, or the "start index" error; never an overflow. */
    @Property(tries = 3000)
    void anyPaginationGivesAPageOrTheError(@ForAll("rows") List<Map<String, Object>> rows, @ForAll("numbers") String start,
            @ForAll("numbers") String size) {
        Args args = Args.fromPairs(List.of(new AbstractMap.SimpleImmutableEntry<>("api.paginate_start", start),
                new AbstractMap.SimpleImmutableEntry<>("api.paginate_size", size)));
        ListTransform.Result result = ListTransform.apply(rows, ListTransform.parse(args, "api.", false));
        if (result.error() == null) {
            assertTrue(result.rows().size() <= rows.size());
            assertTrue(((Number) result.paginate().get("total_pages")).longValue() >= 0, result.paginate().toString());
            assertTrue(((Number) result.paginate().get("current_page")).longValue() >= 1, result.paginate().toString());
        }
    }
}
