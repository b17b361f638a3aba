package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.TimeoutException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database did not answer" (issue 12 §4), as the driver, Agroal and Hibernate report them. */
class DatabaseUnavailableTest {

    @Test
    void outagesAreRecognisedThroughEveryWrapper() {
        // Agroal's acquisition timeout, as Hibernate wraps it
        assertTrue(DatabaseUnavailable.causedBy(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
        // MariaDB Connector/J's socket timeout, as Hibernate maps it and as a store wraps it
        SQLNonTransientConnectionException socket = new SQLNonTransientConnectionException("(conn=14) Socket timout error", "08000",
                new SocketTimeoutException("Read timed out"));
        assertTrue(DatabaseUnavailable.causedBy(new JDBCConnectionException("could not execute", socket)));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("Could not list zones", socket)));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("x", new SQLException("refused", new ConnectException()))));
        // A pooled connection that died before it could join the transaction: Agroal gives no cause
        SQLException enlist = new SQLException("Exception in association of connection to existing transaction",
                new SQLException("Failed to enlist. Check if a connection from another datasource is already enlisted to the same transaction"));
        assertTrue(DatabaseUnavailable.causedBy(new GenericJDBCException("Unable to acquire JDBC Connection [Exception in association of "
                + "connection to existing transaction] [n/a]", enlist)));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("Could not list zones", enlist)));
        // SQLState class 08 without a telling cause
        assertTrue(DatabaseUnavailable.causedBy(new GenericJDBCException("x", new SQLException("gone", "08S01"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.causedBy(new ConstraintViolationException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"), "uq")));
        assertFalse(DatabaseUnavailable.causedBy(new GenericJDBCException("x", new SQLException("syntax", "42000"))));
        assertFalse(DatabaseUnavailable.causedBy(new java.io.UncheckedIOException(new java.io.EOFException("truncated body"))));
    }
}
