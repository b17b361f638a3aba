package dev.openuapi.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The token lookups by hash keep their plan whatever MariaDB's statistics say (issue 13). Seen in the benchmark: right after
 * a million tokens were added to one account, MariaDB read each presented token through {@code uq_api_token_account_name}
 * (every token of the account, 1.8 s a lookup) until its statistics caught up, because they still said an account has few
 * tokens. This test makes that state on purpose and for good, in a database of its own: tables made like OpenUAPI's, one
 * account, statistics taken while it had one token and not recalculated, then 20,000 tokens more; and asks MariaDB how it
 * would run the repository's two lookups.
 */
@QuarkusTest
class TokenLookupPlanTest {

    private static final String DB = "openuapi_test_lookup_plan";
    private static final String HASH = "a".repeat(128);
    private static final String HASH_INDEXES = "index_merge on uq_api_token_hash,uq_api_token_previous_hash";

    @Inject
    DataSource dataSource;

    @Test
    void bothLookupsUseTheHashIndexesWhenTheStatisticsAreStale() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String own = c.getCatalog();
            String mode = single(s, "SELECT @@SESSION.sql_mode");
            try {
                s.execute("DROP DATABASE IF EXISTS " + DB);
                s.execute("CREATE DATABASE " + DB);
                s.execute("CREATE TABLE " + DB + ".account LIKE " + own + ".account");
                s.execute("CREATE TABLE " + DB + ".api_token LIKE " + own + ".api_token");
                s.execute("ALTER TABLE " + DB + ".api_token STATS_PERSISTENT=1 STATS_AUTO_RECALC=0");
                s.execute("SET SESSION sql_mode = ''"); // the columns not named here take their type's implicit value
                s.execute("INSERT INTO " + DB + ".account (id, username) VALUES (1, 'planprobe')");
                s.execute("INSERT INTO " + DB + ".api_token (account_id, name, token_hash, create_time) VALUES (1, 't0', SHA2('0', 512), 0)");
                s.execute("ANALYZE TABLE " + DB + ".account, " + DB + ".api_token");
                s.execute("INSERT INTO " + DB + ".api_token (account_id, name, token_hash, create_time)"
                        + " SELECT 1, CONCAT('t', seq), SHA2(seq, 512), 0 FROM seq_1_to_20000");
                s.execute("USE " + DB);

                assertEquals(HASH_INDEXES, tokenAccess(s, ApiTokenRepository.HASHES.replace(":hashes", "'" + HASH + "'")),
                        "the lookup of one presented token");
                assertEquals(HASH_INDEXES, tokenAccess(s, ApiTokenRepository.HASHES.replace(":hashes", "'" + HASH + "', 'b'")),
                        "the bulk refresh's lookup");
            } finally {
                s.execute("SET SESSION sql_mode = '" + mode + "'");
                s.execute("USE " + own);
                s.execute("DROP DATABASE IF EXISTS " + DB);
            }
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    /** How MariaDB would read {@code api_token} for the repository's lookup with {@code where}: EXPLAIN's access type. */
    private static String tokenAccess(Statement s, String where) throws SQLException {
        try (ResultSet plan = s.executeQuery("EXPLAIN SELECT t.id, a.id FROM " + ApiTokenRepository.BY_HASH_WITH_ACCOUNT + " WHERE " + where)) {
            while (plan.next()) {
                if ("t".equals(plan.getString("table"))) {
                    return plan.getString("type") + " on " + plan.getString("key");
                }
            }
        }
        throw new AssertionError("EXPLAIN names no api_token");
    }
}
