package dev.openuapi.operator;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import dev.openuapi.common.CommaList;
import dev.openuapi.token.TokenRecord;
import dev.openuapi.common.Snapshots;

/**
 * A WHM API token (spec §10.2): stored like a cPanel token, only as the SHA-512 of its value, in its own
 * namespace, with the ACLs it may use.
 */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "whm_api_token")
public class WhmToken extends TokenRecord implements Snapshots.Source {

    /** {@code root} or a reseller's username. */
    @Column(nullable = false, length = 16)
    public String owner;

    /** The reseller's account (its tokens go with it); {@code null} for root. */
    @Column(name = "account_id")
    public Long accountId;

    /** The ACLs, sorted; {@code null}: everything the owner holds, now and later. */
    @Column(length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> acls;

    @Override
    public String snapshotTag() {
        return Snapshots.tag("whm-token", tokenHash);
    }
}
