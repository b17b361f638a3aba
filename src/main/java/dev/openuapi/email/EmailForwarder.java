package dev.openuapi.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.openuapi.account.Account;

/** Mail to {@code address} goes to {@code destination}: an address, {@code :fail: message}, {@code :blackhole:} or a {@code |pipe}. */
@Entity
@Table(name = "email_forwarder")
public class EmailForwarder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(nullable = false, length = 320)
    public String address;

    @Column(nullable = false, length = 253)
    public String domain;

    @Column(nullable = false, length = 1024)
    public String destination;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
