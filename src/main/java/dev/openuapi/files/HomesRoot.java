package dev.openuapi.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that names the homes root the stored paths were written under (V22__homes_root.sql). */
@Entity
@Table(name = "homes_root")
public class HomesRoot {

    static final byte ONLY = 1;

    @Id
    public byte id;

    @Column(nullable = false, length = 1024)
    public String root;
}
