package dev.openuapi.activity;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

/**
 * The activity log's tables ({@code V26__activity.sql}), in native SQL: batched upserts that add to a count
 * ({@code ON DUPLICATE KEY UPDATE count = count + VALUES(count)}), bounded deletes, and keyset pages. Only
 * {@link ActivityService} uses it.
 */
@ApplicationScoped
public class ActivityRepository {

    /** Rows per INSERT statement. */
    static final int ROWS_PER_STATEMENT = 200;

    private final EntityManager em;

    ActivityRepository(EntityManager em) {
        this.em = em;
    }

    void addCounts(List<Map.Entry<ActivityRecorder.CountKey, Long>> rows) {
        insertInChunks("INSERT INTO activity_count (account_id, credential, token_id, face, module, function, result, minute, count)",
                " ON DUPLICATE KEY UPDATE count = count + VALUES(count)", 9, rows, row -> {
                    var k = row.getKey();
                    return List.of(k.accountId(), k.credential(), k.tokenId(), k.face(), k.module(), k.function(), k.result(), k.minute(),
                            row.getValue());
                });
    }

    void addEvents(List<ActivityRecorder.Event> rows) {
        insertInChunks("INSERT INTO activity_event (account_id, credential, token_id, time, address, face, module, function, result)", "",
                9, rows, e -> java.util.Arrays.asList(e.accountId(), e.credential(), e.tokenId(), e.timeMillis(),
                        e.address() == null ? "" : e.address(), e.face(), e.module(), e.function(), e.result()));
    }

    /** @param rows account id, address, reason, minute, count */
    void addFailures(List<Object[]> rows) {
        insertInChunks("INSERT INTO auth_failure_count (account_id, address, reason, minute, count)",
                " ON DUPLICATE KEY UPDATE count = count + VALUES(count)", 5, rows, java.util.Arrays::asList);
    }

    /**
     * One multi-row INSERT per {@link #ROWS_PER_STATEMENT} rows: {@code insert VALUES (…),(…) suffix}, each row's
     * {@code width} values from {@code columns}. Bound through JDBC on the transaction's own connection, not through a
     * Hibernate query: for a statement of 1,800 parameters Hibernate built its parameter metadata and bindings anew on
     * every flush, which cost the flush thread about five times the statement's own execution, and a quarter of the
     * server's CPU at 12,000 calls a second (issue 13, src/docs/benchmark.md).
     */
    private <T> void insertInChunks(String insert, String suffix, int width, List<T> rows, Function<T, List<?>> columns) {
        String row = "(" + String.join(",", Collections.nCopies(width, "?")) + ")";
        em.unwrap(Session.class).doWork(connection -> {
            for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
                List<T> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
                try (PreparedStatement statement = connection.prepareStatement(
                        insert + " VALUES " + String.join(",", Collections.nCopies(chunk.size(), row)) + suffix)) {
                    int index = 1;
                    for (T value : chunk) {
                        for (Object column : columns.apply(value)) {
                            statement.setObject(index++, column);
                        }
                    }
                    statement.executeUpdate();
                }
            }
        });
    }

    /** The ids of the accounts with these usernames. */
    Map<String, Long> accountIds(List<String> usernames) {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (int start = 0; start < usernames.size(); start += ROWS_PER_STATEMENT) {
            List<String> chunk = usernames.subList(start, Math.min(usernames.size(), start + ROWS_PER_STATEMENT));
            for (Object[] r : rows("SELECT id, username FROM account WHERE username IN (" + placeholders(0, chunk.size()) + ")", chunk)) {
                ids.put((String) r[1], ((Number) r[0]).longValue());
            }
        }
        return ids;
    }

    Long tokenId(long accountId, String name) {
        return firstId("SELECT id FROM api_token WHERE account_id = ?1 AND name = ?2", List.of(accountId, name));
    }

    /** A WHM API token's id by its owner ({@code root} or a reseller's username) and name. */
    Long whmTokenId(String owner, String name) {
        return firstId("SELECT id FROM whm_api_token WHERE owner = ?1 AND name = ?2", List.of(owner, name));
    }

    Long accountId(String username) {
        return firstId("SELECT id FROM account WHERE username = ?1", List.of(username));
    }

    /** Deletes at most {@code limit} rows of {@code table} older than {@code before} (in its own unit); how many it deleted. */
    int deleteOlder(String table, String column, long before, int limit) {
        return execute("DELETE FROM " + table + " WHERE " + column + " < ?1 LIMIT " + limit, List.of(before));
    }

    /** Tokens with more than {@code keep} events: credential and token id. */
    List<Object[]> tokensOver(int keep) {
        return rows("SELECT credential, token_id FROM activity_event WHERE token_id IS NOT NULL GROUP BY credential, token_id "
                + "HAVING COUNT(*) > ?1", List.of(keep));
    }

    /** The id of the token's {@code keep}-th newest event (the oldest one kept), or null. */
    Long oldestKept(String credential, long tokenId, int keep) {
        return firstId("SELECT id FROM activity_event WHERE credential = ?1 AND token_id = ?2 ORDER BY id DESC LIMIT 1 OFFSET "
                + (keep - 1), List.of(credential, tokenId));
    }

    int deleteEventsBefore(String credential, long tokenId, long id, int limit) {
        return execute("DELETE FROM activity_event WHERE credential = ?1 AND token_id = ?2 AND id < ?3 LIMIT " + limit,
                List.of(credential, tokenId, id));
    }

    /**
     * A page of a token's events, newest first: id, time (ms), address, face, module, function, result.
     *
     * @param accountId only the events of calls that ran as this account; null: every one (a WHM token acts as many)
     * @param beforeId  the last id of the previous page ({@code Long.MAX_VALUE} for the first)
     */
    List<Object[]> events(Long accountId, String credential, long tokenId, long fromMillis, long toMillis, long beforeId, int limit) {
        List<Object> params = new ArrayList<>(List.of(credential, tokenId, fromMillis, toMillis, beforeId));
        String account = "";
        if (accountId != null) {
            params.add(accountId);
            account = " AND account_id = ?" + params.size();
        }
        return rows("SELECT id, time, address, face, module, function, result FROM activity_event WHERE credential = ?1 "
                + "AND token_id = ?2 AND time >= ?3 AND time < ?4 AND id < ?5" + account + " ORDER BY id DESC LIMIT " + limit, params);
    }

    /**
     * A page of counts summed per bucket (a minute, or a day of 1440 minutes) and key, newest bucket first, in one order
     * that a cursor can resume: every key column descending. Columns: bucket, account id, credential, token id, face,
     * module, function, result, count, token name (a cPanel or WHM token that still exists), username.
     *
     * @param accountId null: every account
     * @param after     the previous page's last key (8 values), or null for the first page
     */
    List<Object[]> counts(Long accountId, Long cpanelTokenId, boolean byDay, long fromMinute, long toMinute, List<Object> after,
            int limit) {
        return groupedPage("activity_count", List.of("account_id", "credential", "token_id", "face", "module", "function", "result"),
                "COALESCE(t.name, w.name), a.username",
                "LEFT JOIN api_token t ON g.credential = 'CPANEL_TOKEN' AND t.id = g.token_id "
                        + "LEFT JOIN whm_api_token w ON g.credential = 'WHM_TOKEN' AND w.id = g.token_id ",
                accountId, cpanelTokenId, byDay, fromMinute, toMinute, after, limit);
    }

    /**
     * A page of failed-login counts per bucket, account, address and reason, newest first. Columns: bucket, account id,
     * address, reason, count, username.
     */
    List<Object[]> failures(Long accountId, boolean byDay, long fromMinute, long toMinute, List<Object> after, int limit) {
        return groupedPage("auth_failure_count", List.of("account_id", "address", "reason"), "a.username", "", accountId, null, byDay,
                fromMinute, toMinute, after, limit);
    }

    /**
     * A keyset page of {@code table}'s counts summed per bucket (a minute, or a day of 1440 minutes) and {@code keys}, newest
     * first, every key descending so that a cursor ({@code after}: the previous page's last bucket and keys) resumes it.
     * Columns: bucket, the keys, the sum, then {@code extra} (from {@code joins} and the account {@code a}).
     * {@code cpanelTokenId}: only that cPanel API token's rows (a table with {@code credential} and {@code token_id}), or null.
     */
    private List<Object[]> groupedPage(String table, List<String> keys, String extra, String joins, Long accountId, Long cpanelTokenId,
            boolean byDay, long fromMinute, long toMinute, List<Object> after, int limit) {
        List<Object> params = new ArrayList<>(List.of(fromMinute, toMinute));
        String keyList = String.join(", ", keys);
        StringBuilder inner = new StringBuilder("SELECT " + (byDay ? "FLOOR(minute / 1440)" : "minute") + " AS bucket, " + keyList
                + ", SUM(count) AS total FROM " + table + " WHERE minute >= ?1 AND minute < ?2");
        if (accountId != null) {
            params.add(accountId);
            inner.append(" AND account_id = ?").append(params.size());
        }
        if (cpanelTokenId != null) {
            params.add(cpanelTokenId);
            inner.append(" AND credential = 'CPANEL_TOKEN' AND token_id = ?").append(params.size());
        }
        inner.append(" GROUP BY bucket, ").append(keyList);
        List<String> ordered = new ArrayList<>(List.of("g.bucket"));
        keys.forEach(key -> ordered.add("g." + key));
        StringBuilder sql = new StringBuilder("SELECT " + String.join(", ", ordered) + ", g.total, " + extra + " FROM (" + inner + ") g "
                + joins + "LEFT JOIN account a ON a.id = g.account_id");
        if (after != null) {
            sql.append(" WHERE (").append(String.join(", ", ordered)).append(") < (").append(placeholders(params.size(), ordered.size()))
                    .append(")");
            params.addAll(after);
        }
        sql.append(" ORDER BY ").append(String.join(" DESC, ", ordered)).append(" DESC LIMIT ").append(limit);
        return rows(sql.toString(), params);
    }

    private int execute(String sql, List<?> params) {
        return query(sql, params).executeUpdate();
    }

    private Query query(String sql, List<?> params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private List<Object[]> rows(String sql, List<?> params) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query(sql, params).getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /** The first row's id (a number), or null when there is none. */
    private Long firstId(String sql, List<?> params) {
        List<?> found = query(sql, params).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    /** {@code ?n+1,...,?n+count}: positional parameters after the {@code before} already bound. */
    private static String placeholders(int before, int count) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 1; i <= count; i++) {
            joiner.add("?" + (before + i));
        }
        return joiner.toString();
    }
}
