package dev.openuapi.mysql;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows of UAPI {@code Mysql}'s answers; component order is the JSON key order. */
final class MysqlRows {

    private MysqlRows() {
    }

    @RegisterForReflection
    @Schema(description = "A database.")
    record Database(
            @Schema(description = "Its name.") String database,
            @JsonProperty("disk_usage") @Schema(description = "Bytes of data and indexes, from the server.") long diskUsage,
            @Schema(description = "Users with privileges on it.") List<String> users) {
    }

    @RegisterForReflection
    @Schema(description = "A user.")
    record User(
            @Schema(description = "The full name.") String user,
            @Schema(description = "The name without the prefix.") String shortuser,
            @Schema(description = "Databases it has privileges on.") List<String> databases) {
    }

    @RegisterForReflection
    @Schema(description = "The rules.")
    record Restrictions(
            @Schema(description = "Every name begins with this.") String prefix,
            @JsonProperty("max_database_name_length") @Schema(description = "Longest database name.") int maxDatabaseNameLength,
            @JsonProperty("max_username_length") @Schema(description = "Longest user name.") int maxUsernameLength) {
    }

    @RegisterForReflection
    @Schema(description = "The outcome.")
    record PasswordOutcome(@Schema(description = "Hosts where it failed.") List<PasswordFailure> failures) {
    }

    @RegisterForReflection
    @Schema(description = "A failure.")
    record PasswordFailure(@Schema(description = "The host.") String host, @Schema(description = "Why.") String error) {
    }
}
