package dev.openuapi.hulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A failed login that counted (never the credential, nor a hash of it). */
@Entity
@Table(name = "cphulk_login_failure")
public class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 45)
    public String address;

    @Column(name = "ip_key", nullable = false, length = 64)
    public String ipKey;

    @Column(length = 64)
    public String username;

    @Column(nullable = false, length = 16)
    public String service;

    @Column(nullable = false, length = 32)
    public String reason;

    /** Epoch milliseconds. */
    @Column(name = "failed_at", nullable = false)
    public long failedAt;

    @Column(nullable = false, length = 40)
    public String replica;
}
