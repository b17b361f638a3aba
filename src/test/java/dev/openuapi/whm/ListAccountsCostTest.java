package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;

import io.quarkus.test.junit.QuarkusTest;

/**
 * listaccts reads each account's package, own limits and interface settings once for the whole list, COUNTED rather
 * than timed: Hibernate's prepared statements for one listaccts, before and after ten more accounts that each have
 * their own limits (a private plan) and their own locale (a settings row). Reading them per account cost three
 * statements more per account.
 */
@QuarkusTest
class ListAccountsCostTest {

    private static final int MORE = 10;

    @Inject
    EntityManagerFactory factory;

    private long statements() {
        return factory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    /**
     * The statements of one listaccts, the least of three: the count is the whole application's, and work in the
     * background (a backup job an earlier test started, a poller) only adds to it.
     */
    private long listaccts() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statements();
            var answer = Whm.json(asRoot(), "listaccts", Map.of());
            least = Math.min(least, statements() - before);
            assertEquals(1, answer.get("metadata").get("result").intValue(), answer.toString());
        }
        return least;
    }

    private static void createWithOwnSettings() {
        String user = AccountArgumentsTest.username();
        WhmChecks.ok(asRoot(), "createacct", AccountArgumentsTest.newAccount(user, "maxpop", "7", "language", "de"));
        assertEquals("de", AccountArgumentsTest.summary(user).get("locale").textValue());
    }

    @Test
    void listacctsCostsTheSameStatementsForMoreAccounts() {
        createWithOwnSettings();
        listaccts(); // warm
        long few = listaccts();
        for (int i = 0; i < MORE; i++) {
            createWithOwnSettings();
        }
        long many = listaccts();
        System.out.printf("[listaccts] %d statements, then %d with %d more accounts%n", few, many, MORE);
        // per-account reads would add 3 × MORE
        assertTrue(many - few < MORE, "listaccts cost " + few + " statements, then " + many + " with " + MORE + " more accounts");
    }
}
