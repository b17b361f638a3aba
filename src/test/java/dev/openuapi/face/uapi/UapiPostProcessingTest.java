package dev.openuapi.face.uapi;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI's api.* post-processing (spec §7), applied by the dispatcher to any array result; here Tokens::list.
 * The messages and error texts are cPanel's, from spec §7.1-7.4.
 */
@QuarkusTest
class UapiPostProcessingTest {

    /** An account with tokens info, info2, sales, admin, zeta (and the one used to call). */
    static TestAccount withTokens(List<String> names) {
        TestAccount account = newAccount();
        names.forEach(account::newToken);
        return account;
    }

    static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.forEach(row -> names.add(row.get("name").textValue()));
        return names;
    }

    static JsonNode list(TestAccount account, String query) {
        return Uapi.envelope(account.withPassword().urlEncodingEnabled(false).get("/execute/Tokens/list?" + query).asString());
    }

    @Test
    void filterSortAndPaginateTogether() {
        TestAccount alice = withTokens(List.of("info", "info2", "sales", "admin", "Info3"));
        JsonNode root = list(alice, "api.filter_column_0=name&api.filter_type_0=begins&api.filter_term_0=info"
                + "&api.sort_column_0=name&api.paginate_start=1&api.paginate_size=2&api.paginate=1&api.sort=1&api.filter=1");
        assertEquals(1, root.get("status").intValue(), root.toString());
        assertEquals(List.of("Info3", "info"), names(root.get("data")), "begins is case-insensitive; lexicographic is not");
        JsonNode metadata = root.get("metadata");
        assertEquals(1, metadata.get("transformed").intValue());
        assertEquals(5, metadata.get("records_before_filter").intValue());
        assertEquals(5, metadata.get("filter").get("records_before_filter").intValue());
        // Fields and formulas from spec §7.1; integers throughout are OpenUAPI's choice (cPanel may send some as strings).
        assertEquals("{\"total_results\":3,\"total_pages\":2,\"start_result\":1,\"results_per_page\":2,\"current_page\":1}",
                metadata.get("paginate").toString());
        assertTrue(root.get("messages").isNull());
    }

    @Test
    void severalSortsTheFirstIsPrimaryAndReverse() {
        TestAccount alice = withTokens(List.of("b", "a", "c"));
        JsonNode root = list(alice, "api.sort_column=name&api.sort_reverse=1");
        assertEquals(1, root.get("status").intValue(), root.toString());
        assertEquals(List.of("c", "b", "a"), names(root.get("data")));
        assertTrue(!root.get("metadata").has("paginate"), "no paginate metadata unless asked");
        JsonNode invalid = list(alice, "api.sort_column=name&api.sort_reverse=yes");
        assertTrue(invalid.get("messages").get(0).textValue().startsWith("The following “sort” arguments are invalid"));
        assertEquals(1, invalid.get("status").intValue());
    }

    @Test
    void pageBeyondTheEndFailsAndNegativeStartMeansTheFirstPage() {
        TestAccount alice = withTokens(List.of("a", "b", "c"));
        Uapi.failure(alice.withPassword().get("/execute/Tokens/list?api.paginate_start=5&api.paginate_size=1").asString(),
                "The start index (4) is larger than the total number of results (3).");
        JsonNode empty = list(alice, "api.paginate_start=4&api.paginate_size=1");
        assertEquals(1, empty.get("status").intValue(), empty.toString());
        assertEquals(0, empty.get("data").size(), "start-1 == total is an empty page");
        JsonNode all = list(alice, "api.paginate_start=-1");
        assertEquals(1, all.get("status").intValue(), all.toString());
        assertEquals(3, all.get("data").size());
        assertEquals(100, all.get("metadata").get("paginate").get("results_per_page").intValue(), "cPanel's default page size (spec §7.1)");
    }

    @Test
    void columnsAndFilterReports() {
        TestAccount alice = withTokens(List.of("keep"));
        JsonNode root = list(alice, "api.columns_1=name&api.columns_2=bogus");
        assertEquals(1, root.get("status").intValue(), root.toString());
        assertEquals("{\"name\":\"keep\"}", root.get("data").get(0).toString());
        assertEquals("[\"bogus\"]", root.get("metadata").get("invalid_columns").toString());
        assertEquals("“bogus” is not a valid column.", root.get("messages").get(0).textValue());
        JsonNode notPertaining = list(alice, "api.filter_column=nosuch&api.filter_term=x&api.paginate_size=1&api.paginate_start=1");
        assertEquals(1, notPertaining.get("status").intValue(), notPertaining.toString());
        assertEquals("The following filter did not pertain to this dataset: nosuch contains \"x\"",
                notPertaining.get("messages").get(0).textValue());
        assertEquals(1, notPertaining.get("data").size());
        assertTrue(!notPertaining.get("metadata").has("paginate"), "pagination is skipped after an unfinished filter");
    }

    @Test
    void objectResultsAreNotTransformed() {
        TestAccount alice = newAccount();
        JsonNode root = Uapi.success(alice.withPassword()
                .get("/execute/Variables/get_user_information?api.sort_column=user&api.paginate_size=1").asString());
        assertEquals("{}", root.get("metadata").toString());
    }
}
