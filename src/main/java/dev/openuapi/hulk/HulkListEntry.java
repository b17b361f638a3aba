package dev.openuapi.hulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One record of cPHulk's whitelist ({@code white}) or blacklist ({@code black}). */
@Entity
@Table(name = "cphulk_list_entry")
public class HulkListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "list_name", nullable = false, length = 8)
    public String listName;

    /** The range as the operator gave it. */
    @Column(name = "ip_range", nullable = false, length = 100)
    public String ipRange;

    @Column(name = "start_bytes", nullable = false, length = 16)
    public byte[] startBytes;

    @Column(name = "end_bytes", nullable = false, length = 16)
    public byte[] endBytes;

    @Column(length = 255)
    public String comment;

    IpRange range() {
        return new IpRange(ipRange, startBytes, endBytes);
    }
}
