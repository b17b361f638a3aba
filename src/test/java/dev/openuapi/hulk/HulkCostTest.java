package dev.openuapi.hulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What cPHulk costs the database, COUNTED rather than timed: the statements this application prepares, from
 * Hibernate's statistics ({@code %test.quarkus.hibernate-orm.statistics=true}); every statement OpenUAPI's own
 * datasource runs goes through Hibernate (JDBC is only used for PowerDNS's tables and the hosting server).
 * MariaDB's global counters would also count other checkouts' tests running at the same time.
 */
@QuarkusTest
class HulkCostTest {

    @Inject
    HulkService hulk;

    @Inject
    EntityManagerFactory factory;

    @AfterEach
    void cleanUp() {
        hulk.flushHistory();
        hulk.resetSettings();
    }

    private Statistics statistics() {
        return factory.unwrap(SessionFactory.class).getStatistics();
    }

    /** Sends these requests pipelined on 4 connections at once (an attacker's pace) and checks each answer's status. */
    private static void flood(List<String[]> requests, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            int share = (requests.size() + 3) / 4;
            for (int from = 0; from < requests.size(); from += share) {
                List<String[]> part = requests.subList(from, Math.min(requests.size(), from + share));
                answers.add(pool.submit(() -> FromAddress.pipeline("/execute/Tokens/list", part)));
            }
            for (Future<List<Integer>> answer : answers) {
                for (int status : answer.get()) {
                    assertEquals(expected, status);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String guess(TestAccount who) {
        return "cpanel " + who.username() + ":" + Fixtures.randomSuffix(32).toUpperCase();
    }

    @Test
    void aBlockedAddressesFloodCostsNoStatementAndCountingCostsAtMostOneInTwenty() throws Exception {
        TestAccount alice = Fixtures.newAccount();
        alice.newToken();

        // Failures from 250 addresses, four each (none blocked): a guessed token costs no lookup (issue 13: it
        // fails its check in memory), so what remains is cPHulk's batches and the background ticks.
        List<String[]> failures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            failures.add(new String[] { "10.1." + (i % 250 / 100) + "." + (i % 250 % 100 + 1), guess(alice) });
        }
        Statistics stats = statistics();
        long before = stats.getPrepareStatementCount();
        long readsBefore = hulk.reads();
        flood(failures, 401);
        long beyondLookups = stats.getPrepareStatementCount() - before;
        long reads = hulk.reads() - readsBefore;
        long counting = beyondLookups - reads; // the ticks' reads run as often with no request at all
        System.out.printf("[cphulk] 1000 counted failures: %d statements (%.4f per failure), of which %d "
                + "the ticks' reads (which run as often when idle): counting added %d (%.4f per failure)%n", beyondLookups,
                beyondLookups / 1000.0, reads, counting, counting / 1000.0);
        assertTrue(counting <= 0.05 * failures.size(), "counting cost " + counting + " statements for 1000 failures");
        assertTrue(beyondLookups <= 0.1 * failures.size(), "with the reads: " + beyondLookups);

        // One address blocked, then flooded with 1000 guesses: refused from memory, no statement per request.
        String attacker = "198.51.100.90";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, FromAddress.get(attacker, "/execute/Tokens/list", guess(alice)).status());
        }
        List<String[]> blocked = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            blocked.add(new String[] { attacker, guess(alice) });
        }
        before = stats.getPrepareStatementCount();
        long started = System.nanoTime();
        flood(blocked, 401);
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L + 1);
        long statements = stats.getPrepareStatementCount() - before;
        System.out.printf("[cphulk] 1000 requests from a blocked address: %d statements in ~%d s (the ticks)%n", statements, seconds);
        assertTrue(statements <= 0.05 * blocked.size(), statements + " statements for 1000 blocked requests");
        // background work only: cPHulk's ticks (2.5 a second), the unchecked-token poll (2 a second), snapshot refreshes
        assertTrue(statements <= 6 * seconds + 2, "only the background ticks ran: " + statements);
    }
}
