package dev.openuapi.common;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that does not answer (refused, timed out, no connection free in the pool) from every
 * other failure, so each face can say "try again later" instead of "internal error" (issue 12 §4). The
 * datasource's connect, socket and acquisition timeouts turn a stalled database into one of these.
 */
public final class DatabaseUnavailable {

    /** What a caller is told, on every face. */
    public static final String MESSAGE = "The system is temporarily unable to reach its database. Try again later.";

    /** Seconds a REST client is asked to wait before it tries again ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final String HIBERNATE_NO_CONNECTION = "Unable to acquire JDBC Connection";
    private static final String AGROAL_ENLIST_FAILED = "Exception in association of connection to existing transaction";

    private DatabaseUnavailable() {
    }

    /**
     * Whether {@code error}, or anything that caused it, says the database could not be reached in time.
     * Read through Hibernate's exceptions and the driver's causes (JDBC types stay in the stores).
     */
    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            // Hibernate's name for SQLState class 08 (connection exception) and for the driver's connection errors
            if (cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null && jdbc.getSQLState().startsWith("08")) {
                return true;
            }
            // No connection could be had: the pool's acquisition timed out, or the pooled connection it handed out
            // died when it was enlisted in the transaction (Agroal then reports no cause). Hibernate's and Agroal's
            // own wording is all there is to tell these apart.
            String message = cause.getMessage();
            if (message != null && (cause instanceof JDBCException && message.startsWith(HIBERNATE_NO_CONNECTION)
                    || message.startsWith(AGROAL_ENLIST_FAILED))) {
                return true;
            }
            // What the driver's own exceptions carry, also when a store wraps them (ZoneStore, HostingServer): the
            // socket timeout, a refused connection; and what Agroal's acquisition timeout is caused by.
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the innermost message, never a stack trace (an outage would flood the log). */
    public static String describe(Throwable error) {
        Throwable innermost = error;
        int depth = 0;
        while (innermost.getCause() != null && innermost.getCause() != innermost && depth++ < 20) {
            innermost = innermost.getCause();
        }
        return error.getClass().getSimpleName() + ": " + (innermost == error ? String.valueOf(error.getMessage())
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage());
    }
}
