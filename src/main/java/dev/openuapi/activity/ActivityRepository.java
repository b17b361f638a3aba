package dev.openuapi.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            List<Map.Entry<ActivityRecorder.CountKey, Long>> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
            StringJoiner values = new StringJoiner(",");
            List<Object> params = new ArrayList<>();
            for (var row : chunk) {
                values.add(placeholders(params.size(), 9));
                var k = row.getKey();
                params.addAll(List.of(k.accountId(), k.credential(), k.tokenId(), k.face(), k.module(), k.function(), k.result(), k.minute(),
                        row.getValue()));
            }
            execute("INSERT INTO activity_count (account_id, credential, token_id, face, module, function, result, minute, count) VALUES "
                    + values + " ON DUPLICATE KEY UPDATE count = count + VALUES(count)", params);
        }
    }

    void addEvents(List<ActivityRecorder.Event> rows) {
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            List<ActivityRecorder.Event> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
            StringJoiner values = new StringJoiner(",");
            List<Object> params = new ArrayList<>();
            for (var e : chunk) {
                values.add(placeholders(params.size(), 9));
                params.add(e.accountId());
                params.add(e.credential());
                params.add(e.tokenId());
                params.add(e.timeMillis());
                params.add(e.address() == null ? "" : e.address());
                params.add(e.face());
                params.add(e.module());
                params.add(e.function());
                params.add(e.result());
            }
            execute("INSERT INTO activity_event (account_id, credential, token_id, time, address, face, module, function, result) VALUES "
                    + values, params);
        }
    }

    /** @param rows account id, address, reason, minute, count */
    void addFailures(List<Object[]> rows) {
        for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
            StringJoiner values = new StringJoiner(",");
            List<Object> params = new ArrayList<>();
            for (Object[] row : chunk) {
                values.add(placeholders(params.size(), 5));
                params.addAll(List.of(row));
            }
            execute("INSERT INTO auth_failure_count (account_id, address, reason, minute, count) VALUES " + values
                    + " ON DUPLICATE KEY UPDATE count = count + VALUES(count)", params);
        }
    }

    /** The ids of the accounts with these usernames. */
    Map<String, Long> accountIds(List<String> usernames) {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (int start = 0; start < usernames.size(); start += ROWS_PER_STATEMENT) {
            List<String> chunk = usernames.subList(start, Math.min(usernames.size(), start + ROWS_PER_STATEMENT));
            StringJoiner in = new StringJoiner(",");
            for (int i = 0; i < chunk.size(); i++) {
                in.add("?" + (i + 1));
            }
            List<?> found = query("SELECT id, username FROM account WHERE username IN (" + in + ")", new ArrayList<>(chunk)).getResultList();
            for (Object row : found) {
                Object[] r = (Object[]) row;
                ids.put((String) r[1], ((Number) r[0]).longValue());
            }
        }
        return ids;
    }

    Long tokenId(long accountId, String name) {
        List<?> found = query("SELECT id FROM api_token WHERE account_id = ?1 AND name = ?2", List.of(accountId, name)).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    Long accountId(String username) {
        List<?> found = query("SELECT id FROM account WHERE username = ?1", List.of(username)).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    /** Deletes at most {@code limit} rows of {@code table} older than {@code before} (in its own unit); how many it deleted. */
    int deleteOlder(String table, String column, long before, int limit) {
        return execute("DELETE FROM " + table + " WHERE " + column + " < ?1 LIMIT " + limit, List.of(before));
    }

    /** Tokens with more than {@code keep} events: credential and token id. */
    List<Object[]> tokensOver(int keep) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query("SELECT credential, token_id FROM activity_event WHERE token_id IS NOT NULL GROUP BY credential, token_id "
                + "HAVING COUNT(*) > ?1", List.of(keep)).getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /** The id of the token's {@code keep}-th newest event (the oldest one kept), or null. */
    Long oldestKept(String credential, long tokenId, int keep) {
        List<?> found = query("SELECT id FROM activity_event WHERE credential = ?1 AND token_id = ?2 ORDER BY id DESC LIMIT 1 OFFSET "
                + (keep - 1), List.of(credential, tokenId)).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    int deleteEventsBefore(String credential, long tokenId, long id, int limit) {
        return execute("DELETE FROM activity_event WHERE credential = ?1 AND token_id = ?2 AND id < ?3 LIMIT " + limit,
                List.of(credential, tokenId, id));
    }

    /**
     * A page of a token's events, newest first: id, time (ms), address, face, module, function, result.
     *
     * @param beforeId the last id of the previous page ({@code Long.MAX_VALUE} for the first)
     */
    List<Object[]> events(long accountId, String credential, long tokenId, long fromMillis, long toMillis, long beforeId, int limit) {
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query("SELECT id, time, address, face, module, function, result FROM activity_event WHERE credential = ?1 "
                + "AND token_id = ?2 AND account_id = ?3 AND time >= ?4 AND time < ?5 AND id < ?6 ORDER BY id DESC LIMIT " + limit,
                List.of(credential, tokenId, accountId, fromMillis, toMillis, beforeId)).getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /**
     * A page of counts summed per bucket (a minute, or a day of 1440 minutes) and key, newest bucket first, in one order
     * that a cursor can resume: every key column descending. Columns: bucket, account id, credential, token id, face,
     * module, function, result, count, token name (a cPanel or WHM token that still exists), username.
     *
     * @param accountId null: every account
     * @param after     the previous page's last key (8 values), or null for the first page
     */
    List<Object[]> counts(Long accountId, boolean byDay, long fromMinute, long toMinute, List<Object> after, int limit) {
        List<Object> params = new ArrayList<>();
        String bucket = byDay ? "FLOOR(minute / 1440)" : "minute";
        StringBuilder inner = new StringBuilder("SELECT " + bucket + " AS bucket, account_id, credential, token_id, face, module, function, "
                + "result, SUM(count) AS total FROM activity_count WHERE minute >= ?1 AND minute < ?2");
        params.add(fromMinute);
        params.add(toMinute);
        if (accountId != null) {
            params.add(accountId);
            inner.append(" AND account_id = ?").append(params.size());
        }
        inner.append(" GROUP BY bucket, account_id, credential, token_id, face, module, function, result");
        StringBuilder sql = new StringBuilder("SELECT g.bucket, g.account_id, g.credential, g.token_id, g.face, g.module, g.function, "
                + "g.result, g.total, COALESCE(t.name, w.name), a.username FROM (" + inner + ") g "
                + "LEFT JOIN api_token t ON g.credential = 'CPANEL_TOKEN' AND t.id = g.token_id "
                + "LEFT JOIN whm_api_token w ON g.credential = 'WHM_TOKEN' AND w.id = g.token_id "
                + "LEFT JOIN account a ON a.id = g.account_id");
        if (after != null) {
            sql.append(" WHERE (g.bucket, g.account_id, g.credential, g.token_id, g.face, g.module, g.function, g.result) < (")
                    .append(placeholders(params.size(), 8, false)).append(")");
            params.addAll(after);
        }
        sql.append(" ORDER BY g.bucket DESC, g.account_id DESC, g.credential DESC, g.token_id DESC, g.face DESC, g.module DESC, "
                + "g.function DESC, g.result DESC LIMIT " + limit);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query(sql.toString(), params).getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /**
     * A page of failed-login counts per bucket, account, address and reason, newest first. Columns: bucket, account id,
     * address, reason, count, username.
     */
    List<Object[]> failures(Long accountId, boolean byDay, long fromMinute, long toMinute, List<Object> after, int limit) {
        List<Object> params = new ArrayList<>();
        String bucket = byDay ? "FLOOR(minute / 1440)" : "minute";
        StringBuilder inner = new StringBuilder("SELECT " + bucket + " AS bucket, account_id, address, reason, SUM(count) AS total "
                + "FROM auth_failure_count WHERE minute >= ?1 AND minute < ?2");
        params.add(fromMinute);
        params.add(toMinute);
        if (accountId != null) {
            params.add(accountId);
            inner.append(" AND account_id = ?").append(params.size());
        }
        inner.append(" GROUP BY bucket, account_id, address, reason");
        StringBuilder sql = new StringBuilder("SELECT g.bucket, g.account_id, g.address, g.reason, g.total, a.username FROM (" + inner
                + ") g LEFT JOIN account a ON a.id = g.account_id");
        if (after != null) {
            sql.append(" WHERE (g.bucket, g.account_id, g.address, g.reason) < (").append(placeholders(params.size(), 4, false)).append(")");
            params.addAll(after);
        }
        sql.append(" ORDER BY g.bucket DESC, g.account_id DESC, g.address DESC, g.reason DESC LIMIT " + limit);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query(sql.toString(), params).getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
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

    /** {@code (?n+1, ..., ?n+count)}. */
    private static String placeholders(int before, int count) {
        return "(" + placeholders(before, count, false) + ")";
    }

    private static String placeholders(int before, int count, boolean unused) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 1; i <= count; i++) {
            joiner.add("?" + (before + i));
        }
        return joiner.toString();
    }
}
