package dev.openuapi.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/**
 * Writes a tag into the change feed ({@code snapshot_change}) on the connection of the current transaction: the
 * pool gives a transaction the connection it already enlisted, so the tag commits (or rolls back) with the
 * change it announces. Plain JDBC because it runs inside Hibernate's flush, where the entity manager must not
 * be used.
 */
final class SnapshotChangeLog {

    private SnapshotChangeLog() {
    }

    static void write(String tag) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO snapshot_change (tag) VALUES (?)")) {
            insert.setString(1, tag);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a change for the other replicas", e);
        }
    }
}
