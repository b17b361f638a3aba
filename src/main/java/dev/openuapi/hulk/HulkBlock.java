package dev.openuapi.hulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A block of an address or a user, until a time (epoch milliseconds). */
@Entity
@Table(name = "cphulk_block")
public class HulkBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code ip}, {@code excessive} or {@code user}. */
    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "block_key", nullable = false, length = 100)
    public String blockKey;

    @Column(nullable = false, length = 45)
    public String address;

    @Column(length = 64)
    public String username;

    @Column(nullable = false, length = 16)
    public String service;

    @Column(nullable = false)
    public int failures;

    @Column(name = "blocked_since", nullable = false)
    public long blockedSince;

    @Column(name = "blocked_until", nullable = false)
    public long blockedUntil;

    @Column(nullable = false, length = 255)
    public String reason;

    @Column(nullable = false, length = 40)
    public String replica;
}
