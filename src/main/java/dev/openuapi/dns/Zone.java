package dev.openuapi.dns;

/** A zone as PowerDNS stores it ({@code domains}): its name without the trailing dot and its owner. */
public record Zone(long id, String name, String owner) {
}
