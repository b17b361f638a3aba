package dev.openuapi.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.account.AccountOwned;

/** A domain an account owns: its main domain, an addon or parked domain, or a subdomain. */
@Entity
@Table(name = "account_domain")
public class AccountDomain extends AccountOwned {

    /** cPanel's DomainInfo type names. */
    public static final String MAIN = "main_domain";
    public static final String ADDON = "addon_domain";
    public static final String PARKED = "parked_domain";
    public static final String SUB = "sub_domain";

    @Column(nullable = false, length = 253, unique = true)
    public String name;

    @Column(nullable = false, length = 16)
    public String type;

    /** The zone a subdomain lives in; an addon domain's backing subdomain label. */
    @Column(length = 253)
    public String parent;

    @Column(name = "document_root", nullable = false, length = 1024)
    public String documentRoot;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    /** An addon domain's backing subdomain label (cPanel's {@code subdomain} in API 2's AddonDomain rows). */
    public String backingLabel() {
        return parent != null ? parent : name.split("\\.")[0];
    }

    /** Main, addon and parked domains have a DNS zone of their own; a subdomain is records in its parent's. */
    public boolean hasOwnZone() {
        return !SUB.equals(type);
    }
}
