package dev.openuapi.face;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openuapi.common.Ticker;
import dev.openuapi.config.OpenUapiConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.attribute.ExchangeAttribute;
import io.quarkus.vertx.http.runtime.attribute.ExchangeAttributeParser;
import io.quarkus.vertx.http.runtime.attribute.SubstituteEmptyWrapper;
import io.quarkus.vertx.http.runtime.filters.accesslog.AccessLogReceiver;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The access log: one line per request, in Quarkus's access-log pattern language ({@code openuapi.access-log.*}),
 * on standard output, written in batches.
 *
 * <p>Quarkus's own access log ({@code quarkus.http.access-log.*}) sends each line through the logging system: a
 * log record with the MDC copied, the console format applied, and a hand-off to the asynchronous console
 * handler's queue that wakes its thread for nearly every line. At the benchmark's rate that was about 15 % of
 * a token call's throughput (issue 13 §1); Quarkus's batching writer ({@code log-to-file}) writes only to
 * files, which a container's log collector does not read. Here Quarkus's attribute parser still reads the
 * pattern and builds each line when the response has ended (but for {@code %t}, formatted once a second); the
 * rest is ours: a request appends its line to a
 * lock-free queue,
 * and a ticker writes what has queued every {@value #FLUSH_MILLIS} ms in one write to {@code System.out} (the
 * stream the console log writes to, under the same lock, so lines never interleave), or to
 * {@code openuapi.access-log.file} when that is set. Nothing is dropped: when
 * {@value #MAX_PENDING} lines wait (standard output is slow or blocked), the request that adds one writes the
 * batch itself, as a synchronous log would.
 */
@ApplicationScoped
public class AccessLog {

    static final int FLUSH_MILLIS = 100;
    static final int MAX_PENDING = 10_000;
    private static final String LOGGED = AccessLog.class.getName() + ".logged";

    private final OpenUapiConfig.AccessLog config;
    private final Batching receiver;
    private Ticker ticker;

    AccessLog(OpenUapiConfig config) {
        this.config = config.accessLog();
        this.receiver = new Batching(this.config.file().map(AccessLog::append).orElse(System.out));
    }

    private static PrintStream append(String file) {
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return new PrintStream(new FileOutputStream(path.toFile(), true), false, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openuapi.access-log.file: cannot append to " + file, e);
        }
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        Line line = new Line(config.pattern());
        Pattern excluded = config.excludePattern().map(Pattern::compile).orElse(null);
        router.route().order(RouteConstants.ROUTE_ORDER_ACCESS_LOG_HANDLER).handler(rc -> {
            // A rerouted request passes here again: one line, written at the end, so with the path it was rerouted to.
            if (rc.get(LOGGED) == null && (excluded == null || !excluded.matcher(rc.normalizedPath()).matches())) {
                rc.put(LOGGED, Boolean.TRUE);
                rc.addEndHandler(ended -> receiver.logMessage(line.of(rc)));
            }
            rc.next();
        });
        ticker = Ticker.every("access-log", FLUSH_MILLIS, receiver::flush);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
        receiver.flush();
    }

    /**
     * One request's line: Quarkus's attributes, except {@code %t} (the time, in the Common Log Format), which
     * is formatted once a second here instead of once a request.
     */
    static final class Line {

        private static final DateTimeFormatter COMMON_LOG = DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.US)
                .withZone(ZoneId.systemDefault());

        private final List<ExchangeAttribute> between;
        private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

        private record Stamp(long second, String text) {
        }

        Line(String pattern) {
            ExchangeAttributeParser parser = new ExchangeAttributeParser(AccessLog.class.getClassLoader(),
                    List.of(new SubstituteEmptyWrapper("-")));
            List<ExchangeAttribute> parts = new ArrayList<>();
            for (String part : pattern.split("%t", -1)) {
                parts.add(part.isEmpty() ? null : parser.parse(part));
            }
            this.between = parts;
        }

        String of(RoutingContext rc) {
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < between.size(); i++) {
                if (i > 0) {
                    line.append(time());
                }
                ExchangeAttribute part = between.get(i);
                if (part != null) {
                    line.append(part.readAttribute(rc));
                }
            }
            return line.toString();
        }

        private String time() {
            long second = System.currentTimeMillis() / 1000;
            Stamp current = stamp;
            if (current.second() != second) {
                current = new Stamp(second, COMMON_LOG.format(Instant.ofEpochSecond(second)));
                stamp = current;
            }
            return current.text();
        }
    }

    /** Lines queue without a lock or a wake-up; {@link #flush} writes them all at once. */
    static final class Batching implements AccessLogReceiver {

        private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final ReentrantLock writing = new ReentrantLock();
        private final PrintStream out;

        Batching(PrintStream out) {
            this.out = out;
        }

        @Override
        public void logMessage(String line) {
            pending.add(line);
            if (count.incrementAndGet() >= MAX_PENDING) {
                flush();
            }
        }

        /** Writes every queued line; safe from any thread, one writer at a time. */
        void flush() {
            writing.lock();
            try {
                StringBuilder batch = new StringBuilder();
                int taken = 0;
                String line;
                while ((line = pending.poll()) != null) {
                    batch.append(line).append('\n');
                    taken++;
                    if (batch.length() >= 1 << 16) {
                        write(batch);
                    }
                }
                count.addAndGet(-taken);
                write(batch);
            } catch (RuntimeException e) {
                // a broken standard output must not end the ticks; the lines taken are lost with it
            } finally {
                writing.unlock();
            }
        }

        private void write(StringBuilder batch) {
            if (batch.length() > 0) {
                byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                out.flush();
                batch.setLength(0);
            }
        }
    }
}
