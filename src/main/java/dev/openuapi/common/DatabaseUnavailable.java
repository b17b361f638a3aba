package dev.openuapi.common;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

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

    private DatabaseUnavailable() {
    }

    /** Whether {@code error}, or anything that caused it, says the database could not be reached in time. */
    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException || cause instanceof SQLRecoverableException
                    || cause instanceof SocketTimeoutException || cause instanceof ConnectException) {
                return true;
            }
            // SQLState class 08 is "connection exception"; Agroal's acquisition timeout is a plain SQLException
            // caused by a TimeoutException.
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || sql.getCause() instanceof TimeoutException)) {
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
