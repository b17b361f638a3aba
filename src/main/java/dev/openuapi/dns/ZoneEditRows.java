package dev.openuapi.dns;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows cPanel API 2 {@code ZoneEdit} answers with (spec §9.2). */
public final class ZoneEditRows {

    private ZoneEditRows() {
    }

    /**
     * A record as fetchzone and fetchzone_records show it: line, name, type, class and TTL, then the fields of
     * its type (MX: preference, exchange; …) and {@code record}, its main value. A type's own fields are
     * absent from the rows of other types, never null.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A record, with the fields of its type.")
    public record Record(
            @Schema(description = "1-based line in the zone file.") int line,
            @JsonProperty("Line") @Schema(description = "The same as line.") int lineAlias,
            @Schema(description = "Owner name, fully qualified with a trailing dot.") String name,
            @Schema(description = "A, AAAA, CNAME, TXT, MX, SRV, CAA, NS or SOA.") String type,
            @JsonProperty("class") @Schema(description = "Always IN.") String dnsClass,
            @Schema(description = "Time to live in seconds.") int ttl,
            @Schema(description = "A and AAAA: the address.") String address,
            @Schema(description = "CNAME: the target.") String cname,
            @Schema(description = "NS: the name server.") String nsdname,
            @Schema(description = "TXT: the text.") String txtdata,
            @Schema(description = "MX: the preference.") Integer preference,
            @Schema(description = "MX: the mail server.") String exchange,
            @Schema(description = "SRV: the priority.") Integer priority,
            @Schema(description = "SRV: the weight.") Integer weight,
            @Schema(description = "SRV: the port.") Integer port,
            @Schema(description = "SRV: the target host.") String target,
            @Schema(description = "CAA: the flag.") Integer flag,
            @Schema(description = "CAA: the tag (issue, issuewild, iodef).") String tag,
            @Schema(description = "CAA: the value.") String value,
            @Schema(description = "SOA: the primary name server.") String mname,
            @Schema(description = "SOA: the responsible person's mailbox, as a name.") String rname,
            @Schema(description = "SOA: the serial (YYYYMMDDnn).") String serial,
            @Schema(description = "SOA: the refresh interval in seconds.") Integer refresh,
            @Schema(description = "SOA: the retry interval in seconds.") Integer retry,
            @Schema(description = "SOA: the expiry in seconds.") Integer expire,
            @Schema(description = "SOA: the negative-caching TTL in seconds.") Integer minimum,
            @Schema(description = "The record's main value (address, cname, txtdata, exchange, …); absent for the SOA.") String record) {

        /** The row of {@code zoneRecord}, which is on the 1-based zone-file {@code line}. */
        static Record of(int line, ZoneRecord zoneRecord) {
            Fields row = new Fields();
            RecordData data = zoneRecord.data();
            if (data instanceof RecordData.A a) {
                row.address = row.record = a.address();
            } else if (data instanceof RecordData.Aaaa aaaa) {
                row.address = row.record = aaaa.address();
            } else if (data instanceof RecordData.Cname cname) {
                row.cname = row.record = cname.target();
            } else if (data instanceof RecordData.Ns ns) {
                row.nsdname = row.record = ns.target();
            } else if (data instanceof RecordData.Txt txt) {
                row.txtdata = row.record = txt.text();
            } else if (data instanceof RecordData.Mx mx) {
                row.preference = mx.preference();
                row.exchange = row.record = mx.exchange();
            } else if (data instanceof RecordData.Srv srv) {
                row.priority = srv.priority();
                row.weight = srv.weight();
                row.port = srv.port();
                row.target = row.record = srv.target();
            } else if (data instanceof RecordData.Caa caa) {
                row.flag = caa.flag();
                row.tag = caa.tag();
                row.value = row.record = caa.value();
            } else if (data instanceof RecordData.Soa soa) {
                row.mname = soa.mname();
                row.rname = soa.rname();
                row.serial = String.valueOf(soa.serial());
                row.refresh = soa.refresh();
                row.retry = soa.retry();
                row.expire = soa.expire();
                row.minimum = soa.minimum();
            } else {
                row.record = data.content();
            }
            return new Record(line, line, zoneRecord.name() + ".", zoneRecord.type(), "IN", zoneRecord.ttl(), row.address, row.cname,
                    row.nsdname, row.txtdata, row.preference, row.exchange, row.priority, row.weight, row.port, row.target, row.flag,
                    row.tag, row.value, row.mname, row.rname, row.serial, row.refresh, row.retry, row.expire, row.minimum, row.record);
        }

        /** The value fetchzone_records' filter {@code field} compares with, or null when this row has none. */
        Object field(String field) {
            return switch (field) {
                case "line" -> line;
                case "name" -> name;
                case "type" -> type;
                case "class" -> dnsClass;
                case "ttl" -> ttl;
                case "address" -> address;
                case "cname" -> cname;
                case "txtdata" -> txtdata;
                case "exchange" -> exchange;
                case "preference" -> preference;
                case "nsdname" -> nsdname;
                case "target" -> target;
                default -> throw new IllegalArgumentException("Not a filter: " + field);
            };
        }

        /** The fields of one type, gathered before the row is made; the others stay null. */
        private static final class Fields {
            String address;
            String cname;
            String nsdname;
            String txtdata;
            Integer preference;
            String exchange;
            Integer priority;
            Integer weight;
            Integer port;
            String target;
            Integer flag;
            String tag;
            String value;
            String mname;
            String rname;
            String serial;
            Integer refresh;
            Integer retry;
            Integer expire;
            Integer minimum;
            String record;
        }
    }

    /** fetchzones' one element. */
    @RegisterForReflection
    @Schema(description = "The zones.")
    public record Zones(
            @Schema(description = "1.") int status,
            @Schema(description = "Zones fetched") String statusmsg,
            @Schema(description = "Zone name to its zone-file lines.") Map<String, List<String>> zones) {
    }

    /** fetchzone's one element. */
    @RegisterForReflection
    @Schema(description = "The zone.")
    public record ZoneRecords(
            @Schema(description = "1.") int status,
            @Schema(description = "Zone Serialized") String statusmsg,
            @Schema(description = "The SOA serial.") String serialnum,
            @Schema(description = "The records.") List<Record> record) {
    }

    /** A change's one element: add_zone_record, edit_zone_record, remove_zone_record. */
    @RegisterForReflection
    @Schema(description = "The outcome.")
    public record Change(
            @Schema(description = "status 1 with the zone's new serial, or status 0 with the reason.") Outcome result) {
    }

    /** A change's outcome; a refusal never has {@code newserial} (acme.sh reads its presence as success). */
    @RegisterForReflection
    public record Outcome(
            @Schema(description = "1 or 0.") int status,
            @Schema(description = "What happened.") String statusmsg,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The SOA serial after the change (only on success).") String newserial) {
    }
}
