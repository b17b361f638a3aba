package dev.openuapi.dns;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;

/**
 * A record's data, typed per record type, from the client's fields to PowerDNS's columns and back without
 * a detour through one presentation string. Host names are lowercase without their trailing dot (the dot
 * is added where a zone file needs it).
 *
 * <p>PowerDNS 4's generic SQL backends keep the priority of MX and SRV records in the {@code prio} column,
 * not in {@code content}: {@link #prio()} and {@link #content()} are those two columns, and
 * {@link #fromPowerDns} reads them back.
 *
 * <p>The {@code parse} factories check a client's raw values, in the order and with the refusals cPanel's
 * ZoneEdit fields have always had; each input form (ZoneEdit's named fields, {@code DNS::mass_edit_zone}'s
 * positional data) hands them its values.
 */
public sealed interface RecordData {

    /** A, AAAA, MX, … as PowerDNS's {@code type} column holds it. */
    String type();

    /** PowerDNS's {@code prio} column: the MX preference or the SRV priority, else 0. */
    default int prio() {
        return 0;
    }

    /** PowerDNS's {@code content} column (without the priority). */
    String content();

    /** The data as a zone-file line spells it: host names fully qualified with their trailing dots. */
    default String rdata() {
        return String.join(" ", zoneFields());
    }

    /** The zone-file fields one by one, character-strings unquoted (what {@code DNS::parse_zone} encodes). */
    List<String> zoneFields();

    /** The data of a row of PowerDNS's {@code records} table. */
    static RecordData fromPowerDns(String type, int prio, String content) {
        return switch (type) {
            case "A" -> new A(content);
            case "AAAA" -> new Aaaa(content);
            case "CNAME" -> new Cname(content);
            case "NS" -> new Ns(content);
            case "MX" -> new Mx(prio, content);
            case "SRV" -> {
                String[] parts = fields(content, 3, type);
                yield new Srv(prio, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]);
            }
            case "TXT" -> new Txt(RecordSyntax.unquote(content));
            case "CAA" -> {
                String[] parts = content.split(" ", 3);
                yield new Caa(Integer.parseInt(parts[0]), parts[1], String.join("", RecordSyntax.unquote(parts[2])));
            }
            case "SOA" -> {
                String[] parts = fields(content, 7, type);
                yield new Soa(parts[0], parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
                        Integer.parseInt(parts[5]), Integer.parseInt(parts[6]));
            }
            default -> new Other(type, prio, content);
        };
    }

    private static String[] fields(String content, int count, String type) {
        String[] parts = content.split(" ");
        if (parts.length != count) {
            throw new IllegalStateException("A " + type + " record in PowerDNS's table has " + parts.length + " fields: " + content);
        }
        return parts;
    }

    /** An address record (A, AAAA): the address in canonical form. */
    sealed interface Address extends RecordData {

        String address();

        @Override
        default String content() {
            return address();
        }

        @Override
        default List<String> zoneFields() {
            return List.of(address());
        }

        /** A client's {@code address} for a record of {@code type}, {@code length} bytes long (IPv4, IPv6). */
        private static String parse(String address, String type, int length, String family) {
            byte[] bytes = IpAddresses.parse(RecordSyntax.required(address, "address", type));
            if (bytes == null || bytes.length != length) {
                throw ApiException.invalid(Quote.of(address) + " is not a valid " + family + " address.");
            }
            return IpAddresses.format(bytes);
        }
    }

    /** IPv4 address, dotted quad. */
    record A(String address) implements Address {

        /** A client's {@code address}. */
        public static A parse(String address) {
            return new A(Address.parse(address, "A", 4, "IPv4"));
        }

        @Override
        public String type() {
            return "A";
        }
    }

    /** IPv6 address, RFC 5952 form. */
    record Aaaa(String address) implements Address {

        /** A client's {@code address}. */
        public static Aaaa parse(String address) {
            return new Aaaa(Address.parse(address, "AAAA", 16, "IPv6"));
        }

        @Override
        public String type() {
            return "AAAA";
        }
    }

    /** A record that names another host (CNAME, NS): the host, without its trailing dot. */
    sealed interface HostTarget extends RecordData {

        String target();

        @Override
        default String content() {
            return target();
        }

        @Override
        default List<String> zoneFields() {
            return List.of(target() + ".");
        }
    }

    /** The canonical name an alias points at. */
    record Cname(String target) implements HostTarget {

        /** A client's {@code cname}, relative to {@code zone} unless it holds a dot. */
        public static Cname parse(String cname, String zone) {
            return new Cname(RecordSyntax.targetName(RecordSyntax.required(cname, "cname", "CNAME"), "cname", zone));
        }

        @Override
        public String type() {
            return "CNAME";
        }
    }

    /** A name server of the owner name. */
    record Ns(String target) implements HostTarget {

        /** A client's {@code nsdname}, relative to {@code zone} unless it holds a dot. */
        public static Ns parse(String nsdname, String zone) {
            return new Ns(RecordSyntax.targetName(RecordSyntax.required(nsdname, "nsdname", "NS"), "nsdname", zone));
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    /** A mail exchanger and its preference (PowerDNS's {@code prio}). */
    record Mx(int preference, String exchange) implements RecordData {

        /** A client's {@code preference} (0 when left out) and {@code exchange}. */
        public static Mx parse(String preference, String exchange, String zone) {
            int value = RecordSyntax.uint16(preference, "preference");
            return new Mx(value, RecordSyntax.targetName(RecordSyntax.required(exchange, "exchange", "MX"), "exchange", zone));
        }

        @Override
        public String type() {
            return "MX";
        }

        @Override
        public int prio() {
            return preference;
        }

        @Override
        public String content() {
            return exchange;
        }

        @Override
        public List<String> zoneFields() {
            return List.of(String.valueOf(preference), exchange + ".");
        }
    }

    /** A service location: priority (PowerDNS's {@code prio}), weight, port and target. */
    record Srv(int priority, int weight, int port, String target) implements RecordData {

        /** A client's {@code priority} and {@code weight} (0 when left out), {@code port} and {@code target}. */
        public static Srv parse(String priority, String weight, String port, String target, String zone) {
            int priorityValue = RecordSyntax.uint16(priority, "priority");
            int weightValue = RecordSyntax.uint16(weight, "weight");
            int portValue = RecordSyntax.uint16(RecordSyntax.required(port, "port", "SRV"), "port");
            return new Srv(priorityValue, weightValue, portValue,
                    RecordSyntax.targetName(RecordSyntax.required(target, "target", "SRV"), "target", zone));
        }

        @Override
        public String type() {
            return "SRV";
        }

        @Override
        public int prio() {
            return priority;
        }

        @Override
        public String content() {
            return weight + " " + port + " " + target;
        }

        @Override
        public List<String> zoneFields() {
            return List.of(String.valueOf(priority), String.valueOf(weight), String.valueOf(port), target + ".");
        }
    }

    /** Text as its DNS character-strings (each at most 255 bytes), unquoted. */
    record Txt(List<String> strings) implements RecordData {

        public Txt {
            strings = List.copyOf(strings);
        }

        /** A client's {@code txtdata}, cut into character-strings. */
        public static Txt parse(String txtdata) {
            return new Txt(RecordSyntax.txtStrings(RecordSyntax.required(txtdata, "txtdata", "TXT")));
        }

        /** The strings joined: the text as the client gave it. */
        public String text() {
            return String.join("", strings);
        }

        @Override
        public String type() {
            return "TXT";
        }

        @Override
        public String content() {
            return String.join(" ", strings.stream().map(RecordSyntax::quote).toList());
        }

        @Override
        public String rdata() {
            return content();
        }

        @Override
        public List<String> zoneFields() {
            return strings;
        }
    }

    /** A certification authority authorisation: flag, tag and value (unquoted). */
    record Caa(int flag, String tag, String value) implements RecordData {

        private static final Pattern TAG = Pattern.compile("[a-z0-9]{1,15}");

        /** A client's {@code flag} (0 when left out), {@code tag} and {@code value}. */
        public static Caa parse(String flag, String tag, String value) {
            int flagValue = RecordSyntax.uint8(flag, "flag");
            String tagValue = RecordSyntax.required(tag, "tag", "CAA").trim().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tagValue).matches()) {
                throw ApiException.invalid(Quote.of(tagValue) + " is not a valid CAA tag.");
            }
            return new Caa(flagValue, tagValue, RecordSyntax.printable(RecordSyntax.required(value, "value", "CAA")));
        }

        @Override
        public String type() {
            return "CAA";
        }

        @Override
        public String content() {
            return flag + " " + tag + " " + RecordSyntax.quote(value);
        }

        @Override
        public String rdata() {
            return content();
        }

        @Override
        public List<String> zoneFields() {
            return List.of(String.valueOf(flag), tag, value);
        }
    }

    /** The zone's start of authority; the system keeps its serial (YYYYMMDDnn). */
    record Soa(String mname, String rname, long serial, int refresh, int retry, int expire, int minimum) implements RecordData {

        public Soa withSerial(long newSerial) {
            return new Soa(mname, rname, newSerial, refresh, retry, expire, minimum);
        }

        @Override
        public String type() {
            return "SOA";
        }

        @Override
        public String content() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }

        @Override
        public List<String> zoneFields() {
            return List.of(mname + ".", rname + ".", String.valueOf(serial), String.valueOf(refresh), String.valueOf(retry),
                    String.valueOf(expire), String.valueOf(minimum));
        }
    }

    /** A type OpenUAPI does not edit (PTR, SPF, …, written by other tools): shown as PowerDNS holds it. */
    record Other(String type, int prio, String content) implements RecordData {

        @Override
        public List<String> zoneFields() {
            return List.of(content);
        }
    }
}
