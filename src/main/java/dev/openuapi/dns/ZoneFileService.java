package dev.openuapi.dns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;

/**
 * The DNS part of an account backup (issue 17): each zone the account owns as {@code dnszones/<zone>.db} in BIND's
 * master-file format, where cPanel's {@code pkgacct} writes it, and back.
 *
 * <p>Records are rendered and parsed by dnsjava ({@link Record#fromString}, {@link Master}), so the file is what
 * {@code named-checkzone} and {@code pdnsutil load-zone} read. A restored zone gets a new SOA serial: the next one after the
 * archived serial (today's first serial if that is later), so secondaries that still hold the zone as it was see a change.
 */
@ApplicationScoped
public class ZoneFileService {

    /** The archive's directory of zone files, as {@code pkgacct} names it. */
    public static final String DIRECTORY = "dnszones";
    static final String SUFFIX = ".db";

    private final ZoneStore store;

    ZoneFileService(ZoneStore store) {
        this.store = store;
    }

    /** Writes {@code root/dnszones/<zone>.db} for every zone {@code username} owns (the directory even when there is none). */
    @Transactional
    public void export(String username, Path root) {
        Path directory = root.resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            for (Zone zone : store.ownedBy(username)) {
                Files.writeString(directory.resolve(zone.name() + SUFFIX), render(zone.name(), store.records(zone.id())), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the zone files under " + directory, e);
        }
    }

    /** The zone names the archive holds ({@code dnszones/<zone>.db}), sorted; none when it has no such directory. */
    public List<String> zonesIn(Path root) {
        Path directory = root.resolve(DIRECTORY);
        List<String> zones = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return zones;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                zones.add(DomainNames.check(name.substring(0, name.length() - SUFFIX.length())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not list " + directory, e);
        }
        zones.sort(null);
        return zones;
    }

    /**
     * Creates every zone of the archive, owned by {@code username}, with all its records (the SOA with the next serial).
     * Every file is read and checked first: a file that does not parse, a record outside its zone, a zone without exactly
     * one SOA, or a zone that exists already (anyone's) is refused before anything changes. One transaction: a failure
     * half-way leaves no zone behind.
     */
    @Transactional
    public void restore(Path root, String username) {
        restore(root, username, false);
    }

    /**
     * As {@link #restore}, except that a zone existing already as {@code username}'s own (the default zone made when the
     * restore created the account's domains) is replaced by the archive's, with a serial above both; another account's zone,
     * or one without an owner, is still refused before anything changes.
     */
    @Transactional
    public void restoreOver(Path root, String username) {
        restore(root, username, true);
    }

    private void restore(Path root, String username, boolean replaceOwn) {
        Map<String, List<ZoneRecord>> zones = new LinkedHashMap<>();
        for (String zone : zonesIn(root)) {
            zones.put(zone, read(zone, root.resolve(DIRECTORY).resolve(zone + SUFFIX)));
        }
        Map<String, Long> replaced = new LinkedHashMap<>();
        for (String zone : zones.keySet()) {
            Optional<Zone> existing = store.lock(zone);
            if (existing.isPresent()) {
                if (!replaceOwn || !username.equals(existing.get().owner())) {
                    throw ApiException.conflict("The DNS zone " + Quote.of(zone) + " already exists on this server.");
                }
                replaced.put(zone, store.records(existing.get().id()).stream().filter(r -> r.data() instanceof RecordData.Soa)
                        .mapToLong(r -> ((RecordData.Soa) r.data()).serial()).max().orElse(0));
            }
        }
        for (Map.Entry<String, List<ZoneRecord>> zone : zones.entrySet()) {
            if (replaced.containsKey(zone.getKey())) {
                store.delete(store.find(zone.getKey()).orElseThrow().id());
            }
            long zoneId = store.create(zone.getKey(), username);
            long floor = replaced.getOrDefault(zone.getKey(), 0L);
            for (ZoneRecord record : zone.getValue()) {
                store.insert(zoneId, record.data() instanceof RecordData.Soa soa
                        ? record.withData(soa.withSerial(Math.max(ZoneService.nextSerial(soa.serial()), floor + 1))) : record);
            }
        }
    }

    /** Removes the archive's zones that {@code username} owns (the undo of a restore; another account's zone stays). */
    @Transactional
    public void discard(Path root, String username) {
        for (String zone : zonesIn(root)) {
            store.find(zone).filter(z -> username.equals(z.owner())).ifPresent(z -> store.delete(z.id()));
        }
    }

    /** The zone file: a comment, then each record as dnsjava renders it (absolute names, explicit TTL and class). */
    static String render(String zone, List<ZoneRecord> records) {
        StringBuilder out = new StringBuilder();
        out.append("; Zone file for ").append(zone).append(" (OpenUAPI account backup)\n");
        Name origin = name(zone);
        for (ZoneRecord record : records) {
            out.append(toDns(record, origin)).append('\n');
        }
        return out.toString();
    }

    static Record toDns(ZoneRecord record, Name origin) {
        int type = Type.value(record.type());
        if (type < 0) {
            throw new IllegalStateException("The " + record.type() + " record of " + record.name() + " cannot be written in a zone file.");
        }
        try {
            return Record.fromString(name(record.name()), type, DClass.IN, record.ttl(), escapeNonAscii(record.data().rdata()), origin);
        } catch (IOException e) {
            throw new IllegalStateException("The " + record.type() + " record of " + record.name() + " does not render: " + record.data().rdata(), e);
        }
    }

    /** The records of one zone file, in the file's order, the SOA first; refused with a clear message if not a zone of {@code zone}. */
    static List<ZoneRecord> read(String zone, Path file) {
        List<ZoneRecord> records = new ArrayList<>();
        int soas = 0;
        String text;
        try {
            text = escapeNonAscii(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ApiException.invalid("The zone file " + Quote.of(zone + SUFFIX) + " cannot be read as UTF-8 text: " + e.getMessage());
        }
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)); Master master = new Master(in, name(zone), 14400)) {
            Record record;
            while ((record = master.nextRecord()) != null) {
                ZoneRecord parsed = fromDns(record);
                if (!parsed.name().equals(zone) && !parsed.name().endsWith("." + zone)) {
                    throw ApiException.invalid("The zone file " + Quote.of(zone + SUFFIX) + " holds a record outside the zone: " + Quote.of(parsed.name()));
                }
                if (parsed.data() instanceof RecordData.Soa) {
                    soas++;
                    records.add(0, parsed);
                } else {
                    records.add(parsed);
                }
            }
        } catch (TextParseException e) {
            throw ApiException.invalid("The zone file " + Quote.of(zone + SUFFIX) + " is not valid: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.invalid("The zone file " + Quote.of(zone + SUFFIX) + " cannot be read: " + e.getMessage());
        }
        if (soas != 1) {
            throw ApiException.invalid("The zone file " + Quote.of(zone + SUFFIX) + " must hold exactly one SOA record; it holds " + soas + ".");
        }
        return records;
    }

    /** A parsed record as PowerDNS keeps it: lowercase names without their trailing dots, typed data. */
    static ZoneRecord fromDns(Record record) {
        String owner = host(record.getName());
        int ttl = (int) Math.min(record.getTTL(), Integer.MAX_VALUE);
        RecordData data;
        if (record instanceof ARecord a) {
            data = new RecordData.A(IpAddresses.format(a.getAddress().getAddress()));
        } else if (record instanceof AAAARecord aaaa) {
            data = new RecordData.Aaaa(IpAddresses.format(aaaa.getAddress().getAddress()));
        } else if (record instanceof CNAMERecord cname) {
            data = new RecordData.Cname(host(cname.getTarget()));
        } else if (record instanceof NSRecord ns) {
            data = new RecordData.Ns(host(ns.getTarget()));
        } else if (record instanceof MXRecord mx) {
            data = new RecordData.Mx(mx.getPriority(), host(mx.getTarget()));
        } else if (record instanceof SRVRecord srv) {
            data = new RecordData.Srv(srv.getPriority(), srv.getWeight(), srv.getPort(), host(srv.getTarget()));
        } else if (record instanceof TXTRecord txt) {
            data = new RecordData.Txt(txt.getStringsAsByteArrays().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        } else if (record instanceof CAARecord caa) {
            data = new RecordData.Caa(caa.getFlags(), caa.getTag().toLowerCase(Locale.ROOT), unescape(caa.getValue()));
        } else if (record instanceof SOARecord soa) {
            data = new RecordData.Soa(host(soa.getHost()), host(soa.getAdmin()), soa.getSerial(), (int) soa.getRefresh(), (int) soa.getRetry(),
                    (int) soa.getExpire(), (int) soa.getMinimum());
        } else {
            data = new RecordData.Other(Type.string(record.getType()), 0, record.rdataToString());
        }
        return new ZoneRecord(0, owner, ttl, data);
    }

    /**
     * {@code text} with every character outside ASCII written as the {@code \\DDD} escapes of its UTF-8 bytes: dnsjava reads
     * a master file's bytes one by one as characters, so raw UTF-8 (in a TXT or CAA string) would be encoded twice.
     */
    static String escapeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('\\').append(String.format("%03d", b & 0xff));
            }
            i = end - 1;
        }
        return out.toString();
    }

    /** A value dnsjava gives in presentation form ({@code \\"}, {@code \\DDD}) as the text its bytes spell in UTF-8. */
    static String unescape(String presentation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < presentation.length(); i++) {
            char c = presentation.charAt(i);
            if (c == '\\' && i + 3 < presentation.length() && presentation.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
                bytes.write(Integer.parseInt(presentation.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < presentation.length()) {
                bytes.write(presentation.charAt(++i));
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String host(Name name) {
        return DomainNames.normalize(name.toString());
    }

    private static Name name(String host) {
        try {
            return Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException("Not a DNS name: " + host, e);
        }
    }
}
