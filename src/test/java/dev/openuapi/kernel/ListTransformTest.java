package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shared list post-processing of spec §7 (filters, sorts, pagination, columns). */
class ListTransformTest {

    private static Map<String, Object> row(String email, Object quota, String ip, List<String> tags) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", email);
        row.put("quota", quota);
        row.put("ip", ip);
        row.put("tags", tags);
        return row;
    }

    private static final List<Map<String, Object>> ROWS = List.of(
            row("info@example.net", 250, "10.0.0.9", List.of("a")),
            row("Info2@example.net", "unlimited", "10.0.0.10", List.of("b")),
            row("sales@example.org", 0, "9.255.0.1", List.of("a", "c")),
            row("admin@example.net", 1000, "192.168.1.1", List.of()));

    private static List<Object> emails(ListTransform.Result result) {
        List<Object> emails = new ArrayList<>();
        result.rows().forEach(r -> emails.add(((Map<?, ?>) r).get("email")));
        return emails;
    }

    private static ListTransform.Result filter(String column, String type, String term) {
        return ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(new ListTransform.Filter(column, type, term)),
                List.of(), false, 1, 0));
    }

    @Test
    void filterOperators() {
        assertEquals(List.of("info@example.net", "Info2@example.net"), emails(filter("email", "begins", "INFO")));
        assertEquals(List.of("sales@example.org"), emails(filter("email", "ends", ".org")));
        assertEquals(List.of("info@example.net"), emails(filter("email", "matches", "^info@")));
        assertEquals(List.of("admin@example.net"), emails(filter("email", "eq", "admin@example.net")));
        assertEquals(3, filter("email", "ne", "admin@example.net").rows().size());
        assertEquals(List.of("info@example.net", "Info2@example.net", "sales@example.org"), emails(filter("quota", "lt", "500")));
        assertEquals(List.of("admin@example.net"), emails(filter("quota", "gt", "500")));
        assertEquals(List.of("info@example.net"), emails(filter("quota", "lt_handle_unlimited", "500")));
        assertEquals(List.of("Info2@example.net", "sales@example.org", "admin@example.net"),
                emails(filter("quota", "gt_handle_unlimited", "500")));
        assertEquals(List.of("info@example.net", "sales@example.org"), emails(filter("tags", "eq", "a")), "any element of an array");
        assertEquals(List.of("sales@example.org"), emails(filter("*", "contains", "9.255")), "* is any column");
        assertEquals(4, filter("email", "contains", "").rows().size(), "an empty contains is a no-op");
        assertEquals(4, (int) filter("email", "contains", "x").recordsBeforeFilter());
    }

    @Test
    void invalidAndNonPertainingFiltersAreReported() {
        ListTransform.Result unknown = filter("email", "sounds_like", "x");
        assertEquals(4, unknown.rows().size());
        assertTrue(unknown.messages().get(0).startsWith("The following “filter” arguments are invalid"));
        ListTransform.Result missing = filter("nosuch", "eq", "x");
        assertEquals("The following filter did not pertain to this dataset: nosuch eq \"x\"", missing.messages().get(0));
    }

    @Test
    void sortsApplyLastToFirstSoTheFirstIsPrimary() {
        ListTransform.Result byIp = ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(),
                List.of(new ListTransform.Sort("ip", "ipv4", false)), false, 1, 0));
        assertEquals(List.of("sales@example.org", "info@example.net", "Info2@example.net", "admin@example.net"), emails(byIp));
        ListTransform.Result zeroLast = ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(),
                List.of(new ListTransform.Sort("quota", "numeric_zero_as_max", true)), false, 1, 0));
        assertEquals(List.of("Info2@example.net", "sales@example.org", "admin@example.net", "info@example.net"), emails(zeroLast),
                "0 and unlimited (which numifies to 0) sort as the largest, ties keep their order");
        ListTransform.Result twoKeys = ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(),
                List.of(new ListTransform.Sort("tags", "lexicographic", false), new ListTransform.Sort("email", "lexicographic", true)),
                false, 1, 0));
        assertEquals(List.of("admin@example.net", "sales@example.org", "info@example.net", "Info2@example.net"), emails(twoKeys));
    }

    @Test
    void paginationIsOneBasedAndRefusesAStartBeyondTheEnd() {
        ListTransform.Result page = ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(), List.of(), true, 3, 2));
        assertEquals(List.of("sales@example.org", "admin@example.net"), emails(page));
        assertEquals(Map.of("total_results", 4L, "total_pages", 2L, "start_result", 3L, "results_per_page", 2L, "current_page", 2L),
                page.paginate());
        assertEquals(0, ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(), List.of(), true, 5, 2)).rows().size());
        ListTransform.Result beyond = ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(), List.of(), true, 6, 2));
        assertEquals("The start index (5) is larger than the total number of results (4).", beyond.error());
        assertNull(beyond.rows());
        assertEquals(4, ListTransform.apply(ROWS, new ListTransform.Spec(List.of(), List.of(), List.of(), true, 0, 0)).rows().size());
    }

    @Test
    void columnsKeepOnlyKnownFieldsAndReportTheRest() {
        ListTransform.Result result = ListTransform.apply(ROWS, new ListTransform.Spec(List.of("email", "bogus"), List.of(), List.of(),
                false, 1, 0));
        assertEquals(Map.of("email", "info@example.net"), result.rows().get(0));
        assertEquals(List.of("bogus"), result.invalidColumns());
        assertEquals("“bogus” is not a valid column.", result.messages().get(0));
    }

    /** Issue 12 row 1: a pattern RE2 cannot run is reported in messages and not applied (spec §7.3). */
    @Test
    void anUnusablePatternIsReportedAndNotApplied() {
        ListTransform.Result backreference = filter("email", "matches", "^(i+)+\\1");
        assertEquals(4, backreference.rows().size(), "not applied");
        assertEquals("The following “filter” arguments are invalid: email matches \"^(i+)+\\1\" (invalid regular expression: "
                + "invalid escape sequence: `\\1`).", backreference.messages().get(0));
        ListTransform.Result unclosed = filter("email", "matches", "(");
        assertEquals(4, unclosed.rows().size());
        assertTrue(unclosed.messages().get(0).endsWith("(invalid regular expression: missing closing ): `(`)."), unclosed.messages().get(0));
    }

    /** Issue 12 row 14: the messages quote at most 100 characters of a column or term. */
    @Test
    void messagesQuoteAtMostOneHundredCharacters() {
        String longTerm = "(" + "x".repeat(10_000);
        String message = filter("email", "matches", longTerm).messages().get(0);
        assertTrue(message.length() < 400, message);
        assertTrue(message.contains("x".repeat(99) + "…"), message);
        String column = filter("c".repeat(10_000), "contains", "a").messages().get(0);
        assertTrue(column.length() < 300, column);
    }
}
