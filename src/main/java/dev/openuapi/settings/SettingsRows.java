package dev.openuapi.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows of the Locale and CacheBuster answers; component order is the JSON key order. */
final class SettingsRows {

    private SettingsRows() {
    }

    @RegisterForReflection
    @Schema(description = "A locale.")
    record Locale(
            @Schema(description = "Its code: en, de, pt_br, zh_tw, …") String locale,
            @Schema(description = "Its name in English.") String name,
            @JsonProperty("local_name") @Schema(description = "Its name in its own language.") String localName,
            @Schema(description = "ltr or rtl.") String direction) {

        static Locale of(Locales.Entry entry) {
            return new Locale(entry.locale(), entry.name(), entry.localName(), entry.direction());
        }
    }

    @RegisterForReflection
    @Schema(description = "The CacheBuster id.")
    record CacheId(@JsonProperty("cache_id") @Schema(description = "The time of the last update, in Unix seconds.") long cacheId) {
    }
}
