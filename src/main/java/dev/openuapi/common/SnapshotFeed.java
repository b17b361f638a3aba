package dev.openuapi.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the change feed four times a second and forgets the snapshots it names ({@link Snapshots}). A row is
 * visible when its transaction commits, which need not be in the order of the ids, so each read takes every row
 * of the last 70 s (longer than the 60 s transaction timeout: a row older than that has committed or never will)
 * and acts on the ones it has not seen. A row is acted on again for 0.6 s after it was first seen, so a snapshot
 * that was being read while the change committed does not outlive it. After more than a minute without a read
 * (the database was down), every snapshot is forgotten. Once a minute rows older than ten minutes go.
 */
@ApplicationScoped
public class SnapshotFeed {

    private static final Logger LOG = Logger.getLogger(SnapshotFeed.class);
    static final long POLL_MILLIS = 250;
    private static final long WINDOW_SECONDS = 70;
    private static final long AGAIN_NANOS = 600_000_000L;
    private static final long BLIND_NANOS = 60_000_000_000L;
    private static final int PURGE_EVERY = 240;

    private final AgroalDataSource dataSource;
    /** Rows seen, by id: when this replica first saw each (System.nanoTime()). */
    private final Map<Long, Long> seen = new HashMap<>();
    private long lastRead = System.nanoTime();
    private long ticks;
    private boolean first = true;
    private boolean failing;
    private Ticker ticker;

    SnapshotFeed(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        ticker = Ticker.every("snapshot-feed", POLL_MILLIS, this::poll);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    synchronized void poll() {
        long now = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (now - lastRead > BLIND_NANOS) {
                Snapshots.forget(Snapshots.EVERYTHING);
            }
            read(connection, now);
            if (++ticks % PURGE_EVERY == 0) {
                try (PreparedStatement purge = connection.prepareStatement(
                        "DELETE FROM snapshot_change WHERE changed_at < NOW(6) - INTERVAL 10 MINUTE")) {
                    purge.executeUpdate();
                }
            }
            lastRead = now;
            first = false;
            if (failing) {
                LOG.info("The change feed is read again.");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf("Could not read the change feed (%s); snapshots are forgotten when it is read again after a minute.",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    private void read(Connection connection, long now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, tag FROM snapshot_change WHERE changed_at > NOW(6) - INTERVAL " + WINDOW_SECONDS + " SECOND");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                Long firstSeen = seen.putIfAbsent(id, now);
                if (!first && (firstSeen == null || now - firstSeen < AGAIN_NANOS)) {
                    Snapshots.forget(rows.getString(2));
                }
            }
        }
        seen.values().removeIf(at -> now - at > (WINDOW_SECONDS + 10) * 1_000_000_000L);
    }
}
