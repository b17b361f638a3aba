package dev.openuapi.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The per-account settings cPanel keeps in files of the home directory (the locale, the theme, the CacheBuster
 * id of {@code ~/etc/cacheid}). A column left {@code null} was never set: the server's default applies.
 */
@Entity
@Table(name = "account_setting")
public class AccountSetting {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(length = 16)
    public String locale;

    @Column(length = 64)
    public String theme;

    @Column(name = "cache_id")
    public Long cacheId;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
