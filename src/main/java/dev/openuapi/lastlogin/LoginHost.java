package dev.openuapi.lastlogin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** One address an account was seen from by LastLogin: a line of cPanel's {@code ~/.lastlogin}. */
@Entity
@Table(name = "login_host")
public class LoginHost extends AccountOwned {

    @Column(nullable = false, length = 45)
    public String address;

    @Column(name = "seen_at", nullable = false)
    public long seenAt;
}
