package dev.openuapi.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** Mail to {@code address} goes to {@code destination}: an address, {@code :fail: message}, {@code :blackhole:} or a {@code |pipe}. */
@Entity
@Table(name = "email_forwarder")
public class EmailForwarder extends AccountOwned {

    @Column(nullable = false, length = 320)
    public String address;

    @Column(nullable = false, length = 253)
    public String domain;

    @Column(nullable = false, length = 1024)
    public String destination;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
