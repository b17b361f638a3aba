package dev.openuapi.mysql;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** A database on the hosting server, owned by one account. */
@Entity
@Table(name = "mysql_database")
public class MysqlDatabase extends AccountOwned {

    @Column(nullable = false, length = 64, unique = true)
    public String name;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
