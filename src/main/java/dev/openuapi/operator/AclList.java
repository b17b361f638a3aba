package dev.openuapi.operator;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.openuapi.common.CommaList;

/** A saved, named list of WHM privileges (WHM API 1 {@code saveacllist}), which {@code setacls acllist=} gives a reseller. */
@Entity
@Table(name = "acl_list")
public class AclList {

    @Id
    @Column(length = 64)
    public String name;

    /** The privileges the list grants, sorted. */
    @Column(nullable = false, length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> acls;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
