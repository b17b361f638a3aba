package dev.openuapi.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one log category receives at or above a level while it is open (tests run in the application's JVM). */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Handler handler;
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    private LogCapture(String category, Level atLeast) {
        this.logger = Logger.getLogger(category);
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= atLeast.intValue()) {
                    messages.add(record.getLevel() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
    }

    /** Records of {@code category} at WARNING (JBoss WARN) or above. */
    public static LogCapture warnings(String category) {
        return new LogCapture(category, Level.WARNING);
    }

    /** What was recorded so far. */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
