package dev.openuapi.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of cPanel API 2's domain functions, AddonDomain, Park and SubDomain (spec §9.2): the lists, and the
 * {@code {result, reason}} row each change answers with.
 */
final class Api2DomainRows {

    static final String NOT_REDIRECTED = "not redirected";

    private Api2DomainRows() {
    }

    @RegisterForReflection
    @Schema(description = "An addon domain.")
    record Addon(@Schema(description = "The addon domain.") String domain,
            @Schema(description = "<subdomain>.<rootdomain>.") String fullsubdomain,
            @Schema(description = "The backing subdomain's label.") String subdomain,
            @Schema(description = "The account's main domain.") String rootdomain, @Schema(description = "Absolute document root.") String dir,
            @Schema(description = "Document root relative to the home directory.") String basedir,
            @Schema(description = "home:<basedir>.") String reldir,
            @Schema(description = "Redirection; always \"not redirected\".") String status,
            @Schema(description = "<subdomain>_<rootdomain>.") String domainkey) {
    }

    @RegisterForReflection
    @Schema(description = "A parked domain.")
    record Parked(@Schema(description = "The parked domain.") String domain,
            @Schema(description = "Absolute document root (the main domain's).") String dir,
            @Schema(description = "Document root relative to the home directory.") String basedir,
            @Schema(description = "home:<basedir>.") String reldir,
            @Schema(description = "Redirection; always \"not redirected\".") String status) {
    }

    @RegisterForReflection
    @Schema(description = "A subdomain.")
    record Sub(@Schema(description = "The full subdomain, e.g. blog.example.com.") String domain,
            @Schema(description = "Its label, e.g. blog.") String subdomain,
            @Schema(description = "The account's domain it lives under.") String rootdomain,
            @Schema(description = "Document root relative to the home directory.") String basedir,
            @Schema(description = "home:<basedir>.") String reldir, @Schema(description = "Absolute document root.") String dir,
            @Schema(description = "Redirection; always \"not redirected\".") String status,
            @Schema(description = "<label>_<rootdomain>, e.g. blog_example.com.") String domainkey) {
    }

    /**
     * What an API 2 change answers (cPanel's {@code api2_addsubdomain}, {@code api2_park} …: {@code return {result,
     * reason}}): {@code result} 1 with cPanel's message, or 0 with the reason, which {@code cpanelresult.error} repeats.
     */
    @RegisterForReflection
    @Schema(description = "The outcome of the change.")
    record Result(@Schema(description = "1: done; 0: refused, see reason.") int result,
            @Schema(description = "What was done, or why not.") String reason) {
    }

    /** UAPI AddonDomain::addaddondomain's data. */
    @RegisterForReflection
    @Schema(description = "The created addon domain.")
    record AddedAddon(@Schema(description = "The addon domain that the system created.") String domain) {
    }
}
