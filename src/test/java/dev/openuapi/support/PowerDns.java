package dev.openuapi.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real PowerDNS Authoritative Server (Debian's pdns-server with pdns-backend-mysql) on a loopback
 * port, reading the test database's zone tables through its gmysql backend, with every cache off so an
 * answer reflects the latest write.
 */
public final class PowerDns implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/pdns_server";

    private final Process process;
    private final int port;
    private final Path dir;

    private PowerDns(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts pdns_server against {@code database} on 127.0.0.1:3306 as root, and waits until it answers. */
    public static PowerDns start(String database) throws Exception {
        return start(database, freePort());
    }

    /** Starts pdns_server against {@code database} on 127.0.0.1:{@code port}, and waits until it answers. */
    public static PowerDns start(String database, int port) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install pdns-server pdns-backend-mysql (.ci/run does)");
        }
        Path dir = Files.createTempDirectory("pdns-test");
        Files.writeString(dir.resolve("pdns.conf"), String.join("\n",
                "launch=gmysql",
                "gmysql-host=127.0.0.1",
                "gmysql-port=3306",
                "gmysql-user=root",
                "gmysql-password=",
                "gmysql-dbname=" + database,
                "gmysql-dnssec=no",
                "local-address=127.0.0.1",
                "local-port=" + port,
                "socket-dir=" + dir,
                "daemon=no",
                "guardian=no",
                "disable-syslog=yes",
                "write-pid=no",
                "cache-ttl=0",
                "negquery-cache-ttl=0",
                "query-cache-ttl=0",
                "zone-cache-refresh-interval=0",
                "loglevel=4",
                ""));
        Process process = new ProcessBuilder(BINARY, "--config-dir=" + dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("pdns.log").toFile()).start();
        PowerDns pdns = new PowerDns(process, port, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pdns_server exited: " + Files.readString(dir.resolve("pdns.log")));
            }
            try {
                pdns.query("localhost.", Type.SOA);
                return pdns;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        pdns.close();
        throw new IllegalStateException("pdns_server did not answer on port " + port);
    }

    /** The answer section of a query, and its rcode. */
    public record Answer(int rcode, List<Record> records) {
        public boolean isNxdomain() {
            return rcode == Rcode.NXDOMAIN;
        }
    }

    public Answer query(String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(port);
        resolver.setTimeout(Duration.ofSeconds(2));
        Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
        return new Answer(response.getRcode(), new ArrayList<>(response.getSection(Section.ANSWER)));
    }

    /** The loopback UDP and TCP port it answers on. */
    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("pdns.log"));
    }

    public String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.contains("PowerDNS Authoritative Server")).findFirst().orElse(out).trim();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
