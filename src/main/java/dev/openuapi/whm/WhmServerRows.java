package dev.openuapi.whm;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of WHM API 1's server and account-information functions, with cPanel's field names in the order of its
 * reference (api.docs.cpanel.net, WHM API 1).
 */
public final class WhmServerRows {

    private WhmServerRows() {
    }

    @RegisterForReflection
    @Schema(description = "The cPanel & WHM version.")
    public record Version(@Schema(description = "The version OpenUAPI reports (openuapi.server.cpanel-version), e.g. 11.120.0.16.") String version) {
    }

    @RegisterForReflection
    @Schema(description = "The server's host name.")
    public record Hostname(@Schema(description = "openuapi.server.hostname, or the machine's own name.") String hostname) {
    }

    @RegisterForReflection
    @Schema(description = "An IP address of the server.")
    public record Ip(
            @Schema(description = "1: active.") int active,
            @Schema(description = "1: dedicated to one account; 0: shared.") int dedicated,
            @JsonProperty("if") @Schema(description = "The network interface that holds the address; empty when no local interface does (NAT).") String networkInterface,
            @Schema(description = "The address.") String ip,
            @Schema(description = "1: the server's main address.") int mainaddr,
            @Schema(description = "The netmask; empty when no local interface holds the address.") String netmask,
            @Schema(description = "The network address; empty when no local interface holds the address.") String network,
            @JsonProperty("public_ip") @Schema(description = "The public address.") String publicIp,
            @Schema(description = "1: can be removed.") int removable,
            @Schema(description = "1: in use by an account.") int used) {
    }

    @RegisterForReflection
    @Schema(description = "The server's IP addresses.")
    public record Ips(@Schema(description = "The addresses.") List<Ip> ip) {
    }

    @RegisterForReflection
    @Schema(description = "A suspended account.")
    public record Suspended(
            @JsonProperty("is_locked") @Schema(description = "1: only root may unsuspend it (OpenUAPI locks none: 0).") int isLocked,
            @Schema(description = "root, or the reseller that owns the account.") String owner,
            @Schema(description = "Why, as suspendacct was told; Unknown when it was not.") String reason,
            @Schema(description = "When, as Perl's localtime prints it: Thu Nov 18 10:34:34 2014.") String time,
            @Schema(description = "When (Unix epoch).") long unixtime,
            @Schema(description = "The account.") String user) {
    }

    @RegisterForReflection
    @Schema(description = "The suspended accounts.")
    public record SuspendedList(@Schema(description = "The accounts.") List<Suspended> account) {
    }

    @RegisterForReflection
    @Schema(description = "An Apache custom log.")
    public record CustomLog(@Schema(description = "The log format.") String format, @Schema(description = "The log file.") String target) {
    }

    @RegisterForReflection
    @Schema(description = "A ScriptAlias.")
    public record ScriptAlias(@Schema(description = "The directory.") String path, @Schema(description = "The URL path.") String url) {
    }

    @RegisterForReflection
    @Schema(description = "The domain's web server data.")
    public record UserData(
            @Schema(description = "Apache's custom logs.") List<CustomLog> customlog,
            @Schema(description = "The document root.") String documentroot,
            @Schema(description = "The account's group.") String group,
            @Schema(description = "1: CGI enabled.") int hascgi,
            @Schema(description = "The account's home directory.") String homedir,
            @Schema(description = "The IP address.") String ip,
            @Schema(description = "root, or the reseller that owns the account.") String owner,
            @Schema(description = "1: PHP open_basedir protection.") int phpopenbasedirprotect,
            @Schema(description = "The HTTP port.") int port,
            @Schema(description = "Apache's ScriptAlias entries.") List<ScriptAlias> scriptalias,
            @Schema(description = "The contact address.") String serveradmin,
            @Schema(description = "The virtual host's aliases, space-separated.") String serveralias,
            @Schema(description = "The virtual host's name.") String servername,
            @Schema(description = "On or Off.") String usecanonicalname,
            @Schema(description = "The account.") String user,
            @Schema(description = "On or Off.") String userdirprotect) {
    }

    @RegisterForReflection
    @Schema(description = "The domain's data.")
    public record DomainUserData(@Schema(description = "The domain's web server data.") UserData userdata) {
    }

    @RegisterForReflection
    @Schema(description = "One domain.")
    public record DomainInfo(
            @Schema(description = "The document root.") String docroot,
            @Schema(description = "The domain.") String domain,
            @JsonProperty("domain_type") @Schema(description = "main, addon, sub or parked.") String domainType,
            @Schema(description = "The IPv4 address.") String ipv4,
            @JsonProperty("ipv4_ssl") @Schema(description = "The IPv4 address for HTTPS.") String ipv4Ssl,
            @Schema(description = "The IPv6 address; null: none.", nullable = true) String ipv6,
            @JsonProperty("ipv6_is_dedicated") @Schema(description = "1: a dedicated IPv6 address.") int ipv6IsDedicated,
            @JsonProperty("modsecurity_enabled") @Schema(description = "1: ModSecurity enabled for the domain.") int modsecurityEnabled,
            @JsonProperty("parent_domain") @Schema(description = "The account's main domain.") String parentDomain,
            @JsonProperty("php_version") @Schema(description = "The PHP version; null: OpenUAPI manages none.", nullable = true) String phpVersion,
            @Schema(description = "The HTTP port.") int port,
            @JsonProperty("port_ssl") @Schema(description = "The HTTPS port.") int portSsl,
            @Schema(description = "The account.") String user,
            @JsonProperty("user_owner") @Schema(description = "root, or the reseller that owns the account.") String userOwner) {
    }

    @RegisterForReflection
    @Schema(description = "The domains.")
    public record DomainInfoList(@Schema(description = "Every domain the caller may see, by name.") List<DomainInfo> domains) {
    }

    @RegisterForReflection
    @Schema(description = "One domain's bandwidth.")
    public record DomainBandwidth(
            @Schema(description = "1: the domain was deleted.") int deleted,
            @Schema(description = "The domain.") String domain,
            @Schema(description = "Bytes in the month.") long usage) {
    }

    @RegisterForReflection
    @Schema(description = "One account's bandwidth.")
    public record AccountBandwidth(
            @Schema(description = "Per domain: OpenUAPI's metering reports whole accounts, so none.") List<DomainBandwidth> bwusage,
            @Schema(description = "1: the account was deleted (OpenUAPI lists existing accounts: 0).") int deleted,
            @Schema(description = "The bandwidth limit in bytes; 0: unlimited.") long limit,
            @Schema(description = "The main domain.") String maindomain,
            @Schema(description = "root, or the reseller that owns the account.") String owner,
            @Schema(description = "1: the account is a reseller.") int reseller,
            @Schema(description = "Bytes in the month.") long totalbytes,
            @Schema(description = "The account.") String user) {
    }

    @RegisterForReflection
    @Schema(description = "Bandwidth of the accounts in one month.")
    public record Bandwidth(
            @Schema(description = "The accounts.") List<AccountBandwidth> acct,
            @Schema(description = "The month (1-12).") int month,
            @Schema(description = "showres, or the caller.") String reseller,
            @Schema(description = "Bytes of all the accounts listed.") long totalused,
            @Schema(description = "The year.") int year) {
    }
}
