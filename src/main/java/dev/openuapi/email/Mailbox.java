package dev.openuapi.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.login.HostedLogin;

/** A mailbox ({@code user@domain}) on one of the account's domains, which Dovecot's SQL passdb reads. */
@Entity
@Table(name = "mailbox")
public class Mailbox extends HostedLogin {

    @Column(nullable = false, length = 320, unique = true)
    public String email;

    @Column(name = "suspended_login", nullable = false)
    public boolean suspendedLogin;

    @Column(name = "suspended_incoming", nullable = false)
    public boolean suspendedIncoming;

    @Column(name = "suspended_outgoing", nullable = false)
    public boolean suspendedOutgoing;

    @Override
    public String address() {
        return email;
    }

    @Override
    protected void setAddress(String address) {
        email = address;
    }
}
