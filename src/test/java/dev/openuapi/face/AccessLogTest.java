package dev.openuapi.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The access log's batching receiver: every line once, whole, in order per thread; nothing waits unbounded. */
class AccessLogTest {

    @Test
    void linesWaitForTheFlushThenComeOutWhole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog.Batching log = new AccessLog.Batching(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.logMessage("127.0.0.1 \"GET /a HTTP/1.1\" 200");
        log.logMessage("127.0.0.1 \"GET /b HTTP/1.1\" 401 é");
        assertEquals(0, bytes.size(), "queued, not written on the request's thread");
        log.flush();
        assertEquals("127.0.0.1 \"GET /a HTTP/1.1\" 200\n127.0.0.1 \"GET /b HTTP/1.1\" 401 é\n", bytes.toString(StandardCharsets.UTF_8));
        log.flush();
        assertEquals(2, bytes.toString(StandardCharsets.UTF_8).lines().count(), "a line is written once");
    }

    @Test
    void aFullQueueIsWrittenByTheRequestThatFillsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog.Batching log = new AccessLog.Batching(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int i = 1; i < AccessLog.MAX_PENDING; i++) {
            log.logMessage("line " + i);
        }
        assertEquals(0, bytes.size());
        log.logMessage("line " + AccessLog.MAX_PENDING);
        assertEquals(AccessLog.MAX_PENDING, bytes.toString(StandardCharsets.UTF_8).lines().count(), "no ticker needed: back-pressure");
    }

    @Test
    void concurrentRequestsAndFlushesLoseNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog.Batching log = new AccessLog.Batching(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int threads = 4;
        int each = 30_000;
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            running.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    log.logMessage("t" + id + " n" + i + " " + "x".repeat(i % 50));
                }
            }));
        }
        Thread flusher = new Thread(() -> {
            while (running.stream().anyMatch(Thread::isAlive)) {
                log.flush();
            }
        });
        running.forEach(Thread::start);
        flusher.start();
        for (Thread thread : running) {
            thread.join();
        }
        flusher.join();
        log.flush();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(threads * each, lines.size());
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(threads * each, distinct.size(), "each line once");
        int[] next = new int[threads];
        for (String line : lines) {
            String[] parts = line.split(" ");
            int id = Integer.parseInt(parts[0].substring(1));
            int n = Integer.parseInt(parts[1].substring(1));
            assertEquals(next[id], n, "a thread's lines keep their order");
            assertTrue(line.endsWith("x".repeat(n % 50)) || n % 50 == 0, "whole: " + line);
            next[id]++;
        }
    }
}
