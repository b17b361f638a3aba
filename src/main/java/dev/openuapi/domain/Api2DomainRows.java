package dev.openuapi.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows of cPanel API 2's domain lists: AddonDomain, Park and SubDomain (spec §9.2). */
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
}
