package dev.openuapi.dns;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;

/**
 * What the DNS says about names, as cPanel's UAPI {@code DNS} functions report it: {@code host}'s lines for a name,
 * whether names resolve only to this server, and whether the zones OpenUAPI serves are the ones the DNS answers with
 * (their SOA serials agree). Every query goes through {@link PublicDns}.
 */
@ApplicationScoped
public class DnsLookupService {

    /** One domain of an account and the zone (one of the account's) that holds its records. */
    public record DomainZone(String domain, String zone, String owner) {
    }

    /** has_local_authority's row for one domain. */
    public record Authority(String domain, String zone, boolean localAuthority, List<String> nameservers, String error) {
    }

    private final PublicDns dns;
    private final ZoneService zones;
    private final OpenUapiConfig config;

    DnsLookupService(PublicDns dns, ZoneService zones, OpenUapiConfig config) {
        this.dns = dns;
        this.zones = zones;
        this.config = config;
    }

    /**
     * The lines {@code host NAME} prints (cPanel's {@code Cpanel::Net::host_lookup} runs it): the aliases and addresses
     * of the A lookup, the AAAA addresses, then the mail exchangers.
     */
    public List<String> hostLines(String domain) {
        String name = validName(domain);
        List<String> lines = new ArrayList<>();
        PublicDns.Answer a = dns.query(name, Type.A);
        failIfNotFound(name, a);
        for (Record record : a.answers()) {
            if (record instanceof CNAMERecord cname) {
                lines.add(relative(cname) + " is an alias for " + cname.getTarget());
            } else if (record instanceof ARecord address) {
                lines.add(relative(address) + " has address " + IpAddresses.format(address.getAddress().getAddress()));
            }
        }
        PublicDns.Answer aaaa = dns.query(name, Type.AAAA);
        failIfNotFound(name, aaaa);
        for (Record record : aaaa.answers(Type.AAAA)) {
            lines.add(relative(record) + " has IPv6 address " + IpAddresses.format(((AAAARecord) record).getAddress().getAddress()));
        }
        PublicDns.Answer mx = dns.query(name, Type.MX);
        failIfNotFound(name, mx);
        for (Record record : mx.answers(Type.MX)) {
            MXRecord exchanger = (MXRecord) record;
            lines.add(relative(record) + " mail is handled by " + exchanger.getPriority() + " " + exchanger.getTarget());
        }
        return lines;
    }

    /** What {@code host} prints and fails with when a name cannot be found, in cPanel's words. */
    private static void failIfNotFound(String name, PublicDns.Answer answer) {
        String output;
        if (answer.isTimeout()) {
            output = ";; connection timed out; no servers could be reached";
        } else if (answer.rcode() != Rcode.NOERROR) {
            output = "Host " + name + " not found: " + answer.rcode() + "(" + PublicDns.rcodeName(answer.rcode()) + ")";
        } else {
            return;
        }
        throw ApiException.invalid("The system was unable to track the domain that you entered. " + Quote.of(output) + ".");
    }

    private static String validName(String domain) {
        try {
            return DomainNames.check(domain);
        } catch (ApiException e) {
            throw ApiException.invalid("You must specify a valid domain.");
        }
    }

    /**
     * For each domain in order: {@code null} when it resolves only to this server's addresses, otherwise why not
     * (cPanel's {@code Cpanel::DnsRoots::ensure_domain_resides_only_locally} messages).
     */
    public List<String> residesOnlyLocally(List<String> domains) {
        Set<String> local = localAddresses();
        List<String> results = new ArrayList<>();
        for (String domain : domains) {
            results.add(whyNotOnlyLocal(domain, local));
        }
        return Collections.unmodifiableList(results);
    }

    private String whyNotOnlyLocal(String domain, Set<String> local) {
        String name;
        try {
            name = DomainNames.check(domain);
        } catch (ApiException e) {
            return e.getMessage();
        }
        PublicDns.Answer a = dns.query(name, Type.A);
        if (a.isTimeout() || (a.rcode() != Rcode.NOERROR && a.rcode() != Rcode.NXDOMAIN)) {
            return queryFailed(name, "A", a);
        }
        List<String> addresses = a.answers(Type.A).stream()
                .map(r -> IpAddresses.format(((ARecord) r).getAddress().getAddress())).distinct().toList();
        if (addresses.isEmpty()) {
            return isRegistered(name) ? Quote.of(domain) + " does not resolve to any IPv4 addresses on the internet."
                    : Quote.of(domain) + " is not a registered internet domain.";
        }
        List<String> remote = new ArrayList<>(addresses.stream().filter(ip -> !local.contains(ip)).toList());
        if (remote.isEmpty()) {
            return null;
        }
        remote.sort(Comparator.comparing(DnsLookupService::numeric));
        boolean one = remote.size() == 1;
        return Quote.of(domain) + " resolves to the following IPv4 " + (one ? "address" : "addresses") + ", which "
                + (one ? "does not" : "do not") + " exist on this server: " + listAnd(remote);
    }

    /** Registered: the name or one of its parents (not the top-level domain) has NS records, as cPanel asks. */
    private boolean isRegistered(String name) {
        String candidate = name;
        while (candidate.indexOf('.') > 0) {
            PublicDns.Answer ns = dns.query(candidate, Type.NS);
            if (!ns.answers(Type.NS).isEmpty()) {
                return true;
            }
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
        return false;
    }

    /** This server's addresses: {@code openuapi.dns.account-ip} (what new domains point at) and its interfaces' own. */
    Set<String> localAddresses() {
        Set<String> local = new LinkedHashSet<>();
        byte[] accountIp = IpAddresses.parse(config.dns().accountIp());
        local.add(accountIp == null ? config.dns().accountIp() : IpAddresses.format(accountIp));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress()) {
                        local.add(IpAddresses.format(address.getAddress()));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: the configured address is still this server's
        }
        return local;
    }

    /**
     * has_local_authority: for each domain, whether the DNS answers for its zone with the SOA serial OpenUAPI serves
     * (cPanel's {@code Cpanel::DnsUtils::Authority::zone_soa_matches_dns_for_domains}), and the zone's nameservers as
     * the DNS names them.
     */
    public List<Authority> localAuthority(List<DomainZone> domains) {
        List<Authority> rows = new ArrayList<>();
        for (DomainZone entry : domains) {
            String localSerial = zones.view(entry.owner(), entry.zone()).serial();
            PublicDns.Answer soa = dns.query(entry.zone(), Type.SOA);
            if (soa.isTimeout() || soa.rcode() != Rcode.NOERROR) {
                rows.add(new Authority(entry.domain(), entry.zone(), false, List.of(), queryFailed(entry.zone(), "SOA", soa)));
                continue;
            }
            boolean authoritative = soa.answers(Type.SOA).stream()
                    .anyMatch(r -> String.valueOf(((SOARecord) r).getSerial()).equals(localSerial));
            rows.add(new Authority(entry.domain(), entry.zone(), authoritative, nameservers(entry.zone()), null));
        }
        return rows;
    }

    private List<String> nameservers(String zone) {
        Set<String> names = new TreeSet<>();
        for (Record record : dns.query(zone, Type.NS).answers(Type.NS)) {
            names.add(((NSRecord) record).getTarget().toString(true).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /** cPanel's words for a failed query (its resolver's "DNS query (NAME/TYPE) timeout!"). */
    private static String queryFailed(String name, String type, PublicDns.Answer answer) {
        return "DNS query (" + name + "/" + type + ") " + (answer.isTimeout() ? "timeout!" : "failed: " + PublicDns.rcodeName(answer.rcode()));
    }

    /** An IPv4 address as a number, to sort addresses as cPanel does (numerically, not as text). */
    private static long numeric(String ipv4) {
        long value = 0;
        for (byte b : IpAddresses.parse(ipv4)) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** The owner name as {@code host} prints it: without the final dot. */
    private static String relative(Record record) {
        return record.getName().toString(true);
    }

    /** cPanel's {@code list_and}: "a", "a and b", "a, b, and c". */
    static String listAnd(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }
}
