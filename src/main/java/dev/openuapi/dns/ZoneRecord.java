package dev.openuapi.dns;

/**
 * One row of PowerDNS's {@code records} table: the owner name (lowercase, no trailing dot), the type,
 * the content in PowerDNS's presentation format (priorities included, targets without trailing dots,
 * TXT quoted) and the TTL.
 */
public record ZoneRecord(long id, String name, String type, String content, int ttl) {

    public ZoneRecord withId(long newId) {
        return new ZoneRecord(newId, name, type, content, ttl);
    }
}
