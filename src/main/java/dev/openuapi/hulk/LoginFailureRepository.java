package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import dev.openuapi.hulk.LoginGuard.Block;
import dev.openuapi.hulk.LoginGuard.Failure;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The shared history of failed logins, and the one read a replica makes each second. Written in batches:
 * one multi-row INSERT for up to {@link #ROWS_PER_INSERT} failures.
 */
@ApplicationScoped
public class LoginFailureRepository implements PanacheRepository<LoginFailure> {

    static final int ROWS_PER_INSERT = 500;
    /** The most rows of each kind one tick reads; the rest come on the next. */
    static final int ROWS_PER_READ = 5000;

    /** Writes the failures, {@link #ROWS_PER_INSERT} rows a statement. */
    public void insertAll(List<Failure> failures) {
        for (int from = 0; from < failures.size(); from += ROWS_PER_INSERT) {
            List<Failure> chunk = failures.subList(from, Math.min(failures.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO cphulk_login_failure (address, ip_key, username, service, reason, failed_at, replica) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 7;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                        .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(", ?").append(p + 7)
                        .append(')');
            }
            Query insert = getEntityManager().createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Failure f = chunk.get(i);
                int p = i * 7;
                insert.setParameter(p + 1, f.address()).setParameter(p + 2, f.ipKey()).setParameter(p + 3, f.user())
                        .setParameter(p + 4, f.service()).setParameter(p + 5, f.reason()).setParameter(p + 6, f.at())
                        .setParameter(p + 7, f.replica());
            }
            insert.executeUpdate();
        }
    }

    /** Writes blocks; a block another replica already wrote (same kind, key and end) is kept once. */
    public void insertBlocks(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO cphulk_block (kind, block_key, address, username, service, failures, "
                + "blocked_since, blocked_until, reason, replica) VALUES ");
        for (int i = 0; i < blocks.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int c = 1; c <= 10; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(i * 10 + c);
            }
            sql.append(')');
        }
        Query insert = getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            int p = i * 10;
            insert.setParameter(p + 1, b.kind().tag()).setParameter(p + 2, b.key()).setParameter(p + 3, b.address())
                    .setParameter(p + 4, b.user()).setParameter(p + 5, b.service()).setParameter(p + 6, b.failures())
                    .setParameter(p + 7, b.since()).setParameter(p + 8, b.until()).setParameter(p + 9, b.reason())
                    .setParameter(p + 10, b.replica());
        }
        insert.executeUpdate();
    }

    /**
     * One statement: the other replicas' failures after {@code afterFailure}, every block after
     * {@code afterBlock}, and the shared revision. Rows: kind ('f', 'b', 'r'), id, key, address, user, service,
     * time, until, kind of block or reason, reason, replica, failures.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> changesSince(long afterFailure, long afterBlock, String replica) {
        return getEntityManager().createNativeQuery("(SELECT 'f' AS k, id, ip_key AS ckey, address, username, service, failed_at AS t1, "
                + "0 AS t2, reason AS kind, reason, replica, 0 AS failures FROM cphulk_login_failure WHERE id > ?1 AND replica <> ?3 "
                + "ORDER BY id LIMIT " + ROWS_PER_READ + ") UNION ALL (SELECT 'b', id, block_key, address, username, service, blocked_since, "
                + "blocked_until, kind, reason, replica, failures FROM cphulk_block WHERE id > ?2 ORDER BY id LIMIT " + ROWS_PER_READ
                + ") UNION ALL (SELECT 'r', 0, value, '', '', '', 0, 0, '', '', '', 0 FROM cphulk_setting WHERE name = 'revision')")
                .setParameter(1, afterFailure).setParameter(2, afterBlock).setParameter(3, replica).getResultList();
    }

    /**
     * The history still inside the look-back period, oldest first. In SQL, not HQL, as every query cPHulk makes at
     * start-up: the first HQL query loads and compiles Hibernate's query parser, which the start then waits for
     * (issue 13, src/docs/startup.md).
     */
    public List<LoginFailure> since(long from, int max) {
        return getSession().createNativeQuery("SELECT * FROM cphulk_login_failure WHERE failed_at >= ?1 ORDER BY id", LoginFailure.class)
                .setParameter(1, from).setMaxResults(max).getResultList();
    }

    public long maxId() {
        Object max = getEntityManager().createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM cphulk_login_failure").getSingleResult();
        return ((Number) max).longValue();
    }

    public long purgeBefore(long time) {
        return delete("failedAt < ?1", time);
    }
}
