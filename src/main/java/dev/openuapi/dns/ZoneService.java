package dev.openuapi.dns;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;

/**
 * An account's DNS zones, as PowerDNS serves them. Every change locks the zone's row, checks the owner,
 * applies itself and bumps the SOA serial (YYYYMMDDnn) in one transaction, so concurrent edits never
 * lose each other and PowerDNS never sees a change without a new serial.
 */
@ApplicationScoped
public class ZoneService {

    /** cPanel's refusal of a ZoneEdit change whose {@code serialnum} is no longer the zone's. */
    public static final String ZONE_CHANGED = "Zone file changed since last read.";

    /** Lines before the first record in a rendered zone file; record N is on line HEADER_LINES + N. */
    public static final int HEADER_LINES = 3;

    /** A zone and its records, in zone-file order. */
    public record ZoneView(Zone zone, List<ZoneRecord> records) {

        public String serial() {
            return String.valueOf(soa().serial());
        }

        public RecordData.Soa soa() {
            return (RecordData.Soa) soaRecord().data();
        }

        ZoneRecord soaRecord() {
            return records.stream().filter(r -> r.data() instanceof RecordData.Soa).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Zone " + zone.name() + " has no SOA"));
        }

        /** The 1-based line of the zone file that holds the record at {@code index}. */
        public static int lineOf(int index) {
            return HEADER_LINES + index + 1;
        }

        /**
         * When the zone last changed, read off its serial (YYYYMMDDnn: the day, plus nn minutes), so the
         * rendered file only changes when the zone does.
         */
        long updateTime() {
            String serial = serial();
            if (!serial.matches("\\d{10}")) {
                return 0;
            }
            try {
                return LocalDate.parse(serial.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                        + 60L * Integer.parseInt(serial.substring(8));
            } catch (java.time.DateTimeException e) {
                return 0;
            }
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("; cPanel first:11.120.0.16 (update_time):" + updateTime() + " Cpanel::ZoneFile::VERSION:1.3 hostname:openuapi "
                    + "latest:OpenUAPI");
            lines.add("; Zone file for " + zone.name());
            lines.add("$TTL 14400");
            records.forEach(record -> lines.add(record.zoneLine()));
            return lines;
        }
    }

    /**
     * A record as a client describes it: type, owner name and TTL as given (an edit may leave type and name
     * out: the record keeps its own; without a TTL it keeps its own, a new one gets the default), and its
     * data, which the client's form reads once the type and the zone are known. So every form is refused in
     * the same order: the zone, the line, the type, the name, the TTL, then the data.
     */
    public record RecordInput(String type, String name, String ttl, DataReader data) {

        /** A record whose data is known already, with the default TTL. */
        public static RecordInput of(String name, RecordData data) {
            return new RecordInput(data.type(), name, null, (type, zone) -> data);
        }
    }

    /** Reads a record's data from a client's form: ZoneEdit's named fields or mass_edit_zone's positional data. */
    @FunctionalInterface
    public interface DataReader {

        /** The data of a record of {@code type} (one of the editable types, uppercase) in {@code zone}. */
        RecordData read(String type, String zone);
    }

    private final ZoneStore store;
    private final OpenUapiConfig config;

    ZoneService(ZoneStore store, OpenUapiConfig config) {
        this.store = store;
        this.config = config;
    }

    /** A new zone with its SOA, NS records and the A record of the domain itself, at the shared address. */
    @Transactional
    public void createZone(String domain, String owner) {
        createZone(domain, owner, config.dns().accountIp());
    }

    /** A new zone with its SOA, NS records and the A record of the domain itself, at {@code address}. */
    @Transactional
    public void createZone(String domain, String owner, String address) {
        long zoneId = store.create(domain, owner);
        OpenUapiConfig.Dns dns = config.dns();
        int ttl = dns.defaultTtl();
        List<String> nameservers = dns.nameservers();
        String[] timers = dns.soaTimers().trim().split("\\s+");
        store.insert(zoneId, new ZoneRecord(0, domain, 86400, new RecordData.Soa(nameservers.get(0), "hostmaster." + domain, firstSerial(),
                Integer.parseInt(timers[0]), Integer.parseInt(timers[1]), Integer.parseInt(timers[2]), Integer.parseInt(timers[3]))));
        for (String ns : nameservers) {
            store.insert(zoneId, new ZoneRecord(0, domain, 86400, new RecordData.Ns(ns.toLowerCase(Locale.ROOT))));
        }
        store.insert(zoneId, new ZoneRecord(0, domain, ttl, new RecordData.A(address)));
    }

    /**
     * WHM's {@code setsiteip}: in every zone {@code owner} owns, each A record at {@code from} now points at {@code to}
     * (records at any other address stay), each changed zone with a new serial.
     *
     * @return how many records moved
     */
    @Transactional
    public int moveAddress(String owner, String from, String to) {
        byte[] old = IpAddresses.parse(from);
        int moved = 0;
        for (Zone zone : store.ownedBy(owner)) {
            ZoneView view = locked(owner, zone.name());
            int before = moved;
            for (ZoneRecord record : view.records()) {
                if (record.data() instanceof RecordData.A a && java.util.Arrays.equals(IpAddresses.parse(a.address()), old)) {
                    store.replace(zone.id(), record.withData(new RecordData.A(to)));
                    moved++;
                }
            }
            if (moved > before) {
                bumpSerial(view);
            }
        }
        return moved;
    }

    /** The zones of an account that was renamed keep their records and follow the new name. */
    @Transactional
    public void changeOwner(String oldOwner, String newOwner) {
        store.changeOwner(oldOwner, newOwner);
    }

    /**
     * Renames {@code owner}'s zone {@code from} to {@code to}, as a main domain change needs: the zone's name, every owner
     * name that is {@code from} or under it, and the host names in the data that are (CNAME, NS and MX targets, SRV targets,
     * the SOA's primary name server and responsible mailbox) move under {@code to}; names elsewhere and other data (addresses,
     * TXT) stay. The SOA serial goes up. One transaction with the caller's, with the zone's row locked.
     */
    @Transactional
    public void renameZone(String owner, String from, String to) {
        ZoneView view = locked(owner, from);
        if (store.find(to).isPresent()) {
            throw ApiException.conflict("The domain " + Quote.of(to) + " already exists on this server.");
        }
        long zoneId = view.zone().id();
        store.rename(zoneId, to);
        for (ZoneRecord record : view.records()) {
            store.replace(zoneId, new ZoneRecord(record.id(), under(record.name(), from, to), record.ttl(), renamed(record.data(), from, to)));
        }
    }

    private static RecordData renamed(RecordData data, String from, String to) {
        if (data instanceof RecordData.Cname c) {
            return new RecordData.Cname(under(c.target(), from, to));
        }
        if (data instanceof RecordData.Ns n) {
            return new RecordData.Ns(under(n.target(), from, to));
        }
        if (data instanceof RecordData.Mx m) {
            return new RecordData.Mx(m.preference(), under(m.exchange(), from, to));
        }
        if (data instanceof RecordData.Srv s) {
            return new RecordData.Srv(s.priority(), s.weight(), s.port(), under(s.target(), from, to));
        }
        if (data instanceof RecordData.Soa s) {
            return new RecordData.Soa(under(s.mname(), from, to), under(s.rname(), from, to), nextSerial(s.serial()), s.refresh(), s.retry(),
                    s.expire(), s.minimum());
        }
        return data;
    }

    /** {@code name} moved from under {@code from} to under {@code to}; a name elsewhere as it is. */
    static String under(String name, String from, String to) {
        if (name.equals(from)) {
            return to;
        }
        return name.endsWith("." + from) ? name.substring(0, name.length() - from.length()) + to : name;
    }

    @Transactional
    public void deleteZone(String domain) {
        store.find(domain).ifPresent(zone -> store.delete(zone.id()));
    }

    /** The address new domains point at (the hosting server's IP). */
    public String defaultAddress() {
        return config.dns().accountIp();
    }

    public boolean zoneExists(String domain) {
        return store.find(domain).isPresent();
    }

    @Transactional
    public List<ZoneView> zones(String owner) {
        return store.ownedBy(owner).stream().map(zone -> new ZoneView(zone, store.records(zone.id()))).toList();
    }

    /** The zone if {@code owner} owns it; another account's zone is refused exactly like a missing one. */
    @Transactional
    public ZoneView view(String owner, String domain) {
        Zone zone = store.find(DomainNames.normalize(domain)).filter(z -> owner.equals(z.owner())).orElseThrow(() -> notYours(domain));
        return new ZoneView(zone, store.records(zone.id()));
    }

    /** @return the new serial */
    @Transactional
    public String add(String owner, String domain, RecordInput input) {
        ZoneView view = locked(owner, domain);
        ZoneRecord record = build(view.zone(), input, null);
        store.insert(view.zone().id(), record);
        return bumpSerial(view);
    }

    /**
     * Replaces the record on a 1-based zone-file {@code line}; type and name default to the record's own.
     *
     * @param serial the serial the client read the zone at, or {@code null}: the change is refused if the
     *        zone has changed since (cPanel's {@code serialnum})
     */
    @Transactional
    public String edit(String owner, String domain, int line, String serial, RecordInput input) {
        ZoneView view = locked(owner, domain);
        checkUnchangedSince(view, serial);
        ZoneRecord existing = recordAt(view, line);
        RecordInput merged = new RecordInput(input.type() == null || input.type().isEmpty() ? existing.type() : input.type(),
                input.name() == null || input.name().isEmpty() ? existing.name() + "." : input.name(), input.ttl(), input.data());
        ZoneRecord record = build(view.zone(), merged, existing).withId(existing.id());
        store.replace(view.zone().id(), record);
        return bumpSerial(view);
    }

    /** Removes every record named {@code fqdn} from the zone (a subdomain going away), bumping the serial. */
    @Transactional
    public void removeName(String owner, String domain, String fqdn) {
        ZoneView view = locked(owner, domain);
        boolean removed = false;
        for (ZoneRecord record : view.records()) {
            if (record.name().equals(fqdn) && !(record.data() instanceof RecordData.Soa)) {
                store.remove(view.zone().id(), record.id());
                removed = true;
            }
        }
        if (removed) {
            bumpSerial(view);
        }
    }

    /**
     * Removes the record on a 1-based zone-file {@code line}.
     *
     * @param serial the serial the client read the zone at, or {@code null}: with it, a retried or parallel
     *        copy of the call is refused instead of removing the record that has moved up into that line
     */
    @Transactional
    public String remove(String owner, String domain, int line, String serial) {
        ZoneView view = locked(owner, domain);
        checkUnchangedSince(view, serial);
        ZoneRecord existing = recordAt(view, line);
        store.remove(view.zone().id(), existing.id());
        return bumpSerial(view);
    }

    /**
     * UAPI {@code DNS::mass_edit_zone}: edits, removals and additions in one transaction with one serial
     * bump, refused as a whole if {@code serial} is not the zone's current serial or any part is invalid.
     * Line indexes are 0-based and refer to the zone as it was at {@code serial}.
     */
    @Transactional
    public String massEdit(String owner, String domain, String serial, Map<Integer, RecordInput> edits, List<Integer> removes,
            List<RecordInput> adds) {
        ZoneView view = locked(owner, domain);
        if (!view.serial().equals(serial)) {
            throw ApiException.invalid("The given serial number (" + serial + ") does not match the DNS zone’s serial number ("
                    + view.serial() + "). Refresh your view of the DNS zone, then resubmit.");
        }
        Set<Integer> touched = new HashSet<>();
        for (Map.Entry<Integer, RecordInput> edit : edits.entrySet()) {
            ZoneRecord existing = recordAtIndex(view, edit.getKey(), touched);
            store.replace(view.zone().id(), build(view.zone(), edit.getValue(), existing).withId(existing.id()));
        }
        for (int index : removes) {
            store.remove(view.zone().id(), recordAtIndex(view, index, touched).id());
        }
        for (RecordInput add : adds) {
            store.insert(view.zone().id(), build(view.zone(), add, null));
        }
        return bumpSerial(view);
    }

    /**
     * cPanel's {@code serialnum} check (Whostmgr::DNS {@code _serial_number_matches}): without a serial any
     * state goes; with one, the zone (locked by the caller) must still be at that serial.
     */
    private static void checkUnchangedSince(ZoneView view, String serial) {
        if (serial != null && !serial.equals(view.serial())) {
            throw ApiException.invalid(ZONE_CHANGED);
        }
    }

    private static ZoneRecord recordAtIndex(ZoneView view, int lineIndex, Set<Integer> touched) {
        if (!touched.add(lineIndex)) {
            throw ApiException.invalid("Line index " + lineIndex + " is named more than once.");
        }
        return recordAt(view, lineIndex + 1);
    }

    private ZoneView locked(String owner, String domain) {
        Zone zone = store.lock(DomainNames.normalize(domain)).filter(z -> owner.equals(z.owner())).orElseThrow(() -> notYours(domain));
        return new ZoneView(zone, store.records(zone.id()));
    }

    private ZoneRecord build(Zone zone, RecordInput input, ZoneRecord existing) {
        String type = input.type() == null ? "" : input.type().trim().toUpperCase(Locale.ROOT);
        if (!RecordSyntax.EDITABLE_TYPES.contains(type)) {
            throw RecordSyntax.unsupportedType(input.type());
        }
        String name = RecordSyntax.ownerName(input.name(), zone.name());
        int ttl = RecordSyntax.ttl(input.ttl(), existing == null ? config.dns().defaultTtl() : existing.ttl());
        RecordData data = input.data().read(type, zone.name());
        if (!data.type().equals(type)) {
            throw new IllegalStateException("A " + type + " record was given " + data.type() + " data");
        }
        return new ZoneRecord(0, name, ttl, data);
    }

    /** The record on a 1-based zone-file line, as fetchzone_records numbered it; never the SOA. */
    private static ZoneRecord recordAt(ZoneView view, int line) {
        int index = line - HEADER_LINES - 1;
        if (index < 0 || index >= view.records().size()) {
            throw ApiException.invalid("Line " + line + " of the zone " + Quote.of(view.zone().name()) + " does not hold a record.");
        }
        ZoneRecord record = view.records().get(index);
        if (record.data() instanceof RecordData.Soa) {
            throw ApiException.invalid("The SOA record cannot be changed this way; the system updates its serial itself.");
        }
        return record;
    }

    private String bumpSerial(ZoneView view) {
        ZoneRecord record = view.soaRecord();
        RecordData.Soa soa = (RecordData.Soa) record.data();
        long serial = nextSerial(soa.serial());
        store.replace(view.zone().id(), record.withData(soa.withSerial(serial)));
        return String.valueOf(serial);
    }

    /** YYYYMMDDnn: today's first serial. */
    static long firstSerial() {
        return Long.parseLong(LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE)) * 100 + 1;
    }

    /** Today's first serial, or one more than the current one if that is already today's or later. */
    static long nextSerial(long current) {
        return Math.max(firstSerial(), current + 1);
    }

    private static ApiException notYours(String domain) {
        return ApiException.notFound("You do not control a DNS zone named " + Quote.of(domain) + ".");
    }
}
