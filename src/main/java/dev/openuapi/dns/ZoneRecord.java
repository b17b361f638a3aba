package dev.openuapi.dns;

/**
 * One row of PowerDNS's {@code records} table: the owner name (lowercase, no trailing dot), the TTL and the
 * typed data, which carries the type and PowerDNS's {@code prio} and {@code content} columns.
 */
public record ZoneRecord(long id, String name, int ttl, RecordData data) {

    public String type() {
        return data.type();
    }

    public ZoneRecord withId(long newId) {
        return new ZoneRecord(newId, name, ttl, data);
    }

    public ZoneRecord withData(RecordData newData) {
        return new ZoneRecord(id, name, ttl, newData);
    }

    /** The record as one zone-file line: {@code name. ttl IN TYPE rdata}. */
    public String zoneLine() {
        return name + ". " + ttl + " IN " + type() + " " + data.rdata();
    }
}
