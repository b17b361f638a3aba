package dev.openuapi.domain;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows UAPI {@code DomainInfo} answers with (spec §9.1 rows 3-5; cPanel's domains_data example). */
final class DomainInfoRows {

    private DomainInfoRows() {
    }

    @RegisterForReflection
    @Schema(description = "The account's domains by type.")
    record DomainList(@JsonProperty("main_domain") @Schema(description = "The main domain.") String mainDomain,
            @JsonProperty("addon_domains") @Schema(description = "Domain names, sorted.") List<String> addonDomains,
            @JsonProperty("parked_domains") @Schema(description = "Domain names, sorted.") List<String> parkedDomains,
            @JsonProperty("sub_domains") @Schema(description = "Domain names, sorted.") List<String> subDomains) {
    }

    @RegisterForReflection
    @Schema(description = "A domain's virtual host.")
    record Vhost(@Schema(description = "The domain.") String domain,
            @Schema(description = "Absolute document root; a parked domain serves the main domain's.") String documentroot,
            @Schema(description = "The account's home directory.") String homedir,
            @Schema(description = "The IPv4 address the domain is served on.") String ip,
            @Schema(description = "The IPv6 address; always null.", nullable = true) String ipv6,
            @Schema(description = "The account's owner (reseller), \"root\".") String owner,
            @Schema(description = "The account's username.") String user,
            @Schema(description = "The account's group (its username).") String group,
            @Schema(description = "Space-separated aliases, in cPanel's order: for the main domain each parked domain and its www, then "
                    + "www.<main>; for an addon domain the addon, its www and www.<backing subdomain>; else www.<domain>.") String serveralias,
            @Schema(description = "The domain; for an addon domain, its backing subdomain.") String servername,
            @Schema(description = "webmaster@<servername>.") String serveradmin,
            @Schema(description = "main_domain, addon_domain, parked_domain or sub_domain.") String type,
            @Schema(description = "\"Off\".") String usecanonicalname,
            @Schema(description = "Empty.") String userdirprotect,
            @Schema(description = "1: CGI is enabled.") int hascgi,
            @JsonProperty("all_aliases_valid") @Schema(description = "1.") int allAliasesValid,
            @JsonProperty("can_https_redirect") @Schema(description = "1.") int canHttpsRedirect,
            @JsonProperty("is_https_redirecting") @Schema(description = "0: no forced HTTPS redirect.") int isHttpsRedirecting,
            @JsonProperty("no_cache_update") @Schema(description = "0.") int noCacheUpdate) {
    }

    @RegisterForReflection
    @Schema(description = "format=hash; with format=list, data is an array of vhost objects instead.")
    record DomainsData(@JsonProperty("main_domain") Vhost mainDomain,
            @JsonProperty("addon_domains") @Schema(description = "Addon domains' vhosts.") List<Vhost> addonDomains,
            @JsonProperty("parked_domains") @Schema(description = "Parked domains' vhosts.") List<Vhost> parkedDomains,
            @JsonProperty("sub_domains") @Schema(description = "Subdomains' vhosts.") List<Vhost> subDomains) {
    }

    @RegisterForReflection
    @Schema(description = "The domain's virtual host, with its Apache settings.")
    record SingleVhost(@JsonUnwrapped Vhost vhost, @Schema(description = "The HTTP port, \"80\".") String port,
            @Schema(description = "Apache Options, \"ExecCGI Includes\".") String options,
            @Schema(description = "1: PHP's open_basedir protection is on.") int phpopenbasedirprotect,
            @Schema(description = "Custom access logs (none).") List<Map<String, String>> customlog,
            @Schema(description = "Script aliases (none).") List<Map<String, String>> scriptalias) {
    }
}
