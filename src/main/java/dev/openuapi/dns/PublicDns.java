package dev.openuapi.dns;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import dev.openuapi.config.OpenUapiConfig;

/**
 * The DNS as the rest of the internet sees it: one query at a time to the resolvers {@code openuapi.dns.resolvers}
 * names (the machine's own when unset), with dnsjava. The zones OpenUAPI writes live in PowerDNS's tables; this
 * asks a DNS server what it actually answers, which is what {@code DNS::lookup} and the authority checks report.
 */
@ApplicationScoped
public class PublicDns {

    /** One answer: its rcode (or {@link #TIMEOUT}), and the records of its answer and authority sections. */
    public record Answer(int rcode, List<Record> answers, List<Record> authority) {

        public boolean isTimeout() {
            return rcode == TIMEOUT;
        }

        /** The answer records of one type, in the order the server gave them. */
        public List<Record> answers(int type) {
            return answers.stream().filter(r -> r.getType() == type).toList();
        }
    }

    /** Not an rcode: the query had no answer in time. */
    public static final int TIMEOUT = -1;

    private final Resolver resolver;

    PublicDns(OpenUapiConfig config) {
        this.resolver = build(config.dns().resolvers().orElse(List.of()), config.dns().resolverTimeout());
    }

    static Resolver build(List<String> servers, java.time.Duration timeout) {
        ExtendedResolver resolver;
        if (servers.isEmpty()) {
            resolver = new ExtendedResolver(); // the machine's resolvers, as dnsjava reads them (/etc/resolv.conf)
        } else {
            List<Resolver> each = new ArrayList<>();
            for (String server : servers) {
                each.add(simple(server.trim()));
            }
            resolver = new ExtendedResolver(each);
        }
        resolver.setTimeout(timeout);
        resolver.setRetries(1);
        return resolver;
    }

    /** {@code host}, {@code host:port}, {@code [ipv6]:port} or a bare IPv6 address. */
    static SimpleResolver simple(String server) {
        String host = server;
        int port = SimpleResolver.DEFAULT_PORT;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("openuapi.dns.resolvers: no closing ] in " + server);
            }
            host = server.substring(1, close);
            if (server.length() > close + 1) {
                port = port(server.substring(close + 1), server);
            }
        } else if (server.indexOf(':') >= 0 && server.indexOf(':') == server.lastIndexOf(':')) {
            host = server.substring(0, server.indexOf(':'));
            port = port(server.substring(server.indexOf(':')), server);
        }
        try {
            SimpleResolver simple = new SimpleResolver(host);
            simple.setPort(port);
            return simple;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("openuapi.dns.resolvers: unknown host " + host, e);
        }
    }

    private static int port(String colonAndPort, String server) {
        if (!colonAndPort.startsWith(":") || !colonAndPort.substring(1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("openuapi.dns.resolvers: bad port in " + server);
        }
        return Integer.parseInt(colonAndPort.substring(1));
    }

    /**
     * Asks for {@code type} records of {@code name} (absolute or not: it is taken as absolute).
     *
     * @throws IllegalArgumentException when {@code name} is not a DNS name
     */
    public Answer query(String name, int type) {
        Name absolute;
        try {
            absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
        try {
            Message response = resolver.send(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)));
            return new Answer(response.getRcode(), List.copyOf(response.getSection(Section.ANSWER)),
                    List.copyOf(response.getSection(Section.AUTHORITY)));
        } catch (IOException e) {
            return new Answer(TIMEOUT, List.of(), List.of());
        }
    }

    /** The rcode's mnemonic (NXDOMAIN, SERVFAIL, …) as dig and host print it. */
    public static String rcodeName(int rcode) {
        return Rcode.string(rcode);
    }

    /** A record type's mnemonic. */
    public static String typeName(int type) {
        return Type.string(type);
    }
}
