package dev.openuapi.mysql;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** A database user on the hosting server, owned by one account. */
@Entity
@Table(name = "mysql_user")
public class MysqlUser extends AccountOwned {

    @Column(nullable = false, length = 80, unique = true)
    public String name;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
