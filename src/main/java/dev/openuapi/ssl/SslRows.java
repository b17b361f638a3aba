package dev.openuapi.ssl;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of UAPI {@code SSL}'s and API 2 {@code SSL::installssl}'s answers; component order is the JSON
 * key order. Dotted key names are literal, as on cPanel.
 */
final class SslRows {

    private SslRows() {
    }

    @RegisterForReflection
    @Schema(description = "What was installed.")
    record Installed(
            @Schema(description = "install") String action,
            @JsonProperty("cert_id") @Schema(description = "The stored certificate's id.") String certId,
            @JsonProperty("key_id") @Schema(description = "The key's id: a digest of its public half.") String keyId,
            @Schema(description = "The domain.") String domain,
            @Schema(description = "The IP address it is served on.") String ip,
            @Schema(description = "The account.") String user,
            @Schema(description = "What happened (the same as message).") String html,
            @Schema(description = "What happened.") String message,
            @Schema(description = "The same.") String statusmsg,
            @JsonProperty("extra_certificate_domains") @Schema(description = "Always empty.") List<String> extraCertificateDomains,
            @JsonProperty("warning_domains") @Schema(description = "Always empty.") List<String> warningDomains,
            @JsonProperty("working_domains") @Schema(description = "Names of the vhost the certificate covers.") List<String> workingDomains) {
    }

    /** SSL::list_certs' record. Never the key. */
    @RegisterForReflection
    @Schema(description = "A stored certificate (never its key).")
    record Certificate(
            @Schema(description = "The certificate's id.") String id,
            @JsonProperty("friendly_name") @Schema(description = "A readable name.") String friendlyName,
            @Schema(description = "The names it covers.") List<String> domains,
            @JsonProperty("subject.commonName") @Schema(description = "Subject CN.", nullable = true) String subjectCommonName,
            @JsonProperty("issuer.commonName") @Schema(description = "Issuer CN.", nullable = true) String issuerCommonName,
            @JsonProperty("issuer.organizationName") @Schema(description = "Issuer O.", nullable = true) String issuerOrganizationName,
            @JsonProperty("not_before") @Schema(description = "Valid from (Unix epoch).") long notBefore,
            @JsonProperty("not_after") @Schema(description = "Valid until (Unix epoch).") long notAfter,
            @Schema(description = "When it was uploaded (Unix epoch).") long created,
            @JsonProperty("is_self_signed") @Schema(description = "1 or 0.") int isSelfSigned,
            @JsonProperty("validation_type") @Schema(description = "Always null: how the certificate was validated is not known.",
                    nullable = true) String validationType,
            @JsonProperty("key_algorithm") @Schema(description = "rsaEncryption or id-ecPublicKey.") String keyAlgorithm,
            @JsonProperty("modulus_length") @Schema(description = "Key size in bits (an EC key: its curve's field size).",
                    nullable = true) Integer modulusLength,
            @Schema(description = "Serial number, hex.") String serial,
            @JsonProperty("signature_algorithm") @Schema(description = "Signature algorithm.") String signatureAlgorithm,
            @JsonProperty("domain_is_configured") @Schema(description = "1 when installed on one of the account's domains.")
            int domainIsConfigured) {
    }

    @RegisterForReflection
    @Schema(description = "An installed host.")
    record InstalledHost(
            @Schema(description = "The domain.") String servername,
            @Schema(description = "Its document root.") String docroot,
            @Schema(description = "Names served.") List<String> fqdns,
            @Schema(description = "IP address.") String ip,
            @Schema(description = "443.") int port,
            @Schema(description = "The domain's type (main_domain, addon_domain, ...).") String type,
            @Schema(description = "The account.") String user,
            @JsonProperty("installed_at") @Schema(description = "When it was installed (Unix epoch).") long installedAt,
            @Schema(description = "The certificate it serves.") Certificate certificate) {
    }

    /** API 2 SSL::installssl's one element. */
    @RegisterForReflection
    @Schema(description = "The outcome.")
    record Api2Outcome(
            @Schema(description = "1 or 0.") int result,
            @Schema(description = "What happened, or why not.") String output) {
    }
}
