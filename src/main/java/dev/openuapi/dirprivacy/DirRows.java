package dev.openuapi.dirprivacy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The data cPanel's DirectoryPrivacy, DirectoryProtection and DirectoryIndexes answer with. */
final class DirRows {

    private DirRows() {
    }

    /** configure_directory_protection and is_directory_protected. */
    @RegisterForReflection
    @Schema(description = "The directory's password protection.")
    record Protection(
            @JsonProperty("auth_type") @Schema(description = "Basic or None (null after protection is turned off).", nullable = true) String authType,
            @JsonProperty("auth_name") @Schema(description = "The AuthName (null after protection is turned off).", nullable = true) String authName,
            @JsonProperty("passwd_file") @Schema(description = "The password file's absolute path.") String passwdFile,
            @JsonProperty("protected") @Schema(description = "1 protected, 0 not.") int isProtected) {

        static Protection of(DirectoryPrivacyService.Protection p) {
            return new Protection(p.authType(), p.authName(), p.passwdFile(), p.isProtected());
        }
    }

    /** A listed directory's protection; only {@code error} when it could not be read. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The directory's password protection, or only error.")
    record PrivacyState(@Schema(description = "Only when the state could not be read.", nullable = true) String error,
            @JsonProperty("auth_type") @Schema(description = "Basic or None.", nullable = true) String authType,
            @JsonProperty("auth_name") @Schema(description = "The AuthName.", nullable = true) String authName,
            @JsonProperty("passwd_file") @Schema(description = "The password file's absolute path.", nullable = true) String passwdFile,
            @JsonProperty("protected") @Schema(description = "1 protected, 0 not.", nullable = true) Integer isProtected) {
    }

    @RegisterForReflection
    @Schema(description = "A directory and its password protection.")
    record PrivacyDir(@Schema(description = "The absolute path.") String path, @Schema(description = "Its protection.") PrivacyState state) {
    }

    @RegisterForReflection
    @Schema(description = "The home, the parent, the directory and its subdirectories.")
    record PrivacyListing(@Schema(description = "The home directory.") PrivacyDir home,
            @Schema(description = "The directory's parent (the home for the home).") PrivacyDir parent,
            @Schema(description = "The directory.") PrivacyDir current,
            @Schema(description = "Its subdirectories (not dot directories or symlinks), by path.") List<PrivacyDir> children) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The directory's indexing, or only error.")
    record IndexState(@Schema(description = "Only when the state could not be read.", nullable = true) String error,
            @JsonProperty("index_type") @Schema(description = "inherit, disabled, standard or fancy.", nullable = true) String indexType) {
    }

    @RegisterForReflection
    @Schema(description = "A directory and its indexing.")
    record IndexDir(@Schema(description = "The absolute path.") String path, @Schema(description = "Its indexing.") IndexState state) {
    }

    @RegisterForReflection
    @Schema(description = "The home, the parent, the directory and its subdirectories.")
    record IndexListing(@Schema(description = "The home directory.") IndexDir home,
            @Schema(description = "The directory's parent (the home for the home).") IndexDir parent,
            @Schema(description = "The directory.") IndexDir current,
            @Schema(description = "Its subdirectories (not dot directories or symlinks), by path.") List<IndexDir> children) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The directory's leech protection, or only error.")
    record LeechState(@Schema(description = "Only when the state could not be read.", nullable = true) String error,
            @JsonProperty("has_leech_protection") @Schema(description = "1 on, 0 off.", nullable = true) Integer hasLeechProtection) {
    }

    @RegisterForReflection
    @Schema(description = "A directory and its leech protection.")
    record LeechDir(@Schema(description = "The absolute path.") String path, @Schema(description = "Its leech protection.") LeechState state) {
    }

    @RegisterForReflection
    @Schema(description = "The home, the parent, the directory and its subdirectories.")
    record LeechListing(@Schema(description = "The home directory.") LeechDir home,
            @Schema(description = "The directory's parent (the home for the home).") LeechDir parent,
            @Schema(description = "The directory.") LeechDir current,
            @Schema(description = "Its subdirectories (not dot directories or symlinks), by path.") List<LeechDir> children) {
    }

    /** API 2 Htaccess::listusers' row. */
    @RegisterForReflection
    @Schema(description = "A user of the directory's password file.")
    record User(@Schema(description = "The username.") String user) {
    }
}
