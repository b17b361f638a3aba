package dev.openuapi.hulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A run-time setting (name as cPanel's key, minutes stored as seconds), or the shared revision counter. */
@Entity
@Table(name = "cphulk_setting")
public class HulkSetting {

    static final String REVISION = "revision";

    @Id
    @Column(nullable = false, length = 64)
    public String name;

    @Column(nullable = false, length = 255)
    public String value;
}
