package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.feature.FeatureCatalog;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 §1: each UAPI and API 2 function declares, once, whether it changes state ({@link ApiFunction.Builder#readsOnly()}
 * or {@link ApiFunction.Builder#changesState()}); a read-only token may call only the readers. The builder refuses a UAPI or
 * API 2 function that declares neither, so the registry below could not be built with one; the spot checks pin the
 * decisions that are easy to get wrong.
 */
@QuarkusTest
class FunctionEffectsTest {

    private static final Boolean READS = false;
    private static final Boolean CHANGES = true;

    @Inject
    FunctionRegistry registry;

    // ---- the builder ----

    @Test
    void aUapiFunctionThatDeclaresNeitherIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ApiFunction.named("undeclared").summary("s").handledBy(call -> null));
        assertEquals("undeclared: every UAPI and API 2 function declares whether it changes state (readsOnly() or changesState())",
                refused.getMessage());
    }

    @Test
    void anApi2FunctionThatDeclaresNeitherIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ApiFunction.named("undeclared2").api2().summary("s").doing(call -> { }));
        assertTrue(refused.getMessage().startsWith("undeclared2: every UAPI and API 2 function declares"), refused.getMessage());
    }

    @Test
    void theDeclarationIsWhatTheFunctionCarries() {
        assertFalse(ApiFunction.named("r").readsOnly().summary("s").handledBy(call -> null).changesState());
        assertTrue(ApiFunction.named("w").changesState().summary("s").handledBy(call -> null).changesState());
        assertFalse(ApiFunction.named("r2").api2().readsOnly().summary("s").handledBy(call -> null).changesState());
        assertTrue(ApiFunction.named("w2").api2().changesState().summary("s").doing(call -> { }).changesState());
        // the last word counts
        assertFalse(ApiFunction.named("rw").changesState().readsOnly().summary("s").handledBy(call -> null).changesState());
    }

    @Test
    void anUndeclaredWhmFunctionCountsAsChangingState() {
        assertTrue(ApiFunction.named("whm_undeclared").whm1().acl("all").summary("s").handledBy(call -> null).changesState());
        assertFalse(ApiFunction.named("whm_reader").whm1().acl("all").readsOnly().summary("s").handledBy(call -> null).changesState());
    }

    // ---- the registry ----

    /** Building every module runs every builder: one UAPI or API 2 function without a declaration would throw here. */
    @Test
    void everyModuleOfTheRegistryBuilds() {
        int uapiAndApi2 = 0;
        int readers = 0;
        for (FunctionRegistry.Module module : registry.modules()) {
            for (ApiKind kind : List.of(ApiKind.UAPI, ApiKind.API2)) {
                for (ApiFunction function : module.functions(kind).values()) {
                    uapiAndApi2++;
                    readers += function.changesState() ? 0 : 1;
                }
            }
        }
        assertTrue(uapiAndApi2 > 150, uapiAndApi2 + " UAPI and API 2 functions");
        // neither extreme: a registry where everything (or nothing) reads only has lost its declarations
        assertTrue(readers > 40 && readers < uapiAndApi2 - 40, readers + " readers of " + uapiAndApi2);
    }

    /** A feature that the catalog does not know could be given to no account: its functions could never be called. */
    @Test
    void everyFeatureTheRegistryNamesIsInTheCatalog() {
        List<String> unknown = new ArrayList<>();
        for (FunctionRegistry.Module module : registry.modules()) {
            module.module().feature().filter(f -> !FeatureCatalog.exists(f)).ifPresent(f -> unknown.add(module.name() + ": " + f));
            for (ApiKind kind : ApiKind.values()) {
                for (ApiFunction function : module.functions(kind).values()) {
                    if (function.feature() != null && !FeatureCatalog.exists(function.feature())) {
                        unknown.add(module.name() + "::" + function.name() + ": " + function.feature());
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    /** The module features taken from cPanel's own modules' %API (src/docs/how-it-is-built.md lists the sources). */
    @Test
    void moduleFeaturesAreCpanels() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Backup", "backup"); // Cpanel/API/Backup.pm: _needs_feature => "backup"
        expected.put("DirectoryPrivacy", "webprotect"); // Cpanel/API/DirectoryPrivacy.pm
        expected.put("DirectoryProtection", "webprotect"); // Cpanel/API/DirectoryProtection.pm
        expected.put("Htaccess", "webprotect"); // Cpanel/Htaccess.pm (API 2)
        expected.put("DirectoryIndexes", "indexmanager"); // Cpanel/API/DirectoryIndexes.pm
        expected.put("Fileman", "filemanager"); // Cpanel/API/Fileman.pm
        expected.put("Tokens", "apitokens"); // spec §3.5
        expected.put("Bandwidth", null); // Cpanel/API/Bandwidth.pm names no feature
        expected.put("Quota", null); // Cpanel/API/Quota.pm
        expected.put("Variables", null); // Cpanel/API/Variables.pm
        expected.put("Backups", null); // Cpanel/Backups.pm (API 2)
        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(name -> actual.put(name, registry.module(name).orElseThrow(() -> new AssertionError(name))
                .module().feature().orElse(null)));
        assertEquals(expected, actual);
        assertEquals("nettools", registry.module("DNS").orElseThrow().functions(ApiKind.UAPI).get("lookup").feature());
    }

    /** A function whose name says it adds, deletes, sets, … cannot be declared a reader (a guard against a slip of the pen). */
    @Test
    void noWriterByNameIsDeclaredAReader() {
        Pattern writer = Pattern.compile("(add|del|delete|remove|set|create|edit|rename|install|update|store|reorder|enable|disable|"
                + "suspend|unsuspend|passwd|park|unpark|empty|save|upload|mass_edit|revoke|fullbackup|mkdir|fileop)(_.*|[a-z]*)");
        List<String> wrong = new ArrayList<>();
        for (FunctionRegistry.Module module : registry.modules()) {
            for (ApiKind kind : List.of(ApiKind.UAPI, ApiKind.API2)) {
                for (ApiFunction function : module.functions(kind).values()) {
                    if (writer.matcher(function.name()).matches() && !function.changesState()) {
                        wrong.add(kind + " " + module.name() + "::" + function.name());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Spot checks, each with the reason read from the handler and its service (not from the name). "API2 " marks an
     * API 2 function; the others are UAPI.
     */
    @Test
    void spotChecks() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        // Readers
        expected.put("Email::list_pops", READS); // EmailService.list: a query, then rows built in the module
        expected.put("Email::get_pop_quota", READS); // HostedLogins.get: finds the mailbox, changes nothing
        expected.put("Email::list_filters", READS); // MailRulesService.listFilters reads the filter file in the home
        expected.put("DNS::parse_zone", READS); // ZoneService.view: the zone's records, no serial bump
        expected.put("DNS::lookup", READS); // DnsLookupService.hostLines asks a resolver; nothing is stored
        expected.put("Mysql::list_databases", READS); // MysqlService.listDatabases: metadata and the server's grants
        expected.put("Mysql::get_server_information", READS); // the hosting server's host and version
        expected.put("Quota::get_quota_info", READS); // a cached size measurement is not the account's state
        expected.put("Fileman::get_file_content", READS); // update_html_document_encoding rewrites the answer, not the file
        expected.put("Backup::list_backups", READS); // reads the home's backup files and markers; a stalled job is only reported
        expected.put("API2 ZoneEdit::fetchzone_records", READS); // the same read as parse_zone, filtered
        expected.put("API2 Cron::listcron", READS); // the stored crontab
        expected.put("API2 Fileman::listfiles", READS); // a directory listing
        expected.put("Variables::get_user_information", READS); // the account's snapshot
        // Writers
        expected.put("Email::add_pop", CHANGES); // inserts a mailbox
        expected.put("Email::suspend_login", CHANGES); // sets a flag on the mailbox
        expected.put("Email::store_filter", CHANGES); // writes the filter file and the Sieve script
        expected.put("Mysql::create_database", CHANGES); // CREATE DATABASE on the hosting server
        expected.put("Mysql::set_password", CHANGES); // a user's password on the hosting server
        expected.put("DNS::mass_edit_zone", CHANGES); // edits records and bumps the serial
        expected.put("Batch::strict", CHANGES); // may run any writer
        expected.put("LastLogin::get_last_or_current_logged_in_ip", CHANGES); // a "get" that records the caller's address
        expected.put("CacheBuster::read", CHANGES); // a "read" that makes the id (a row) on first use
        expected.put("Fileman::empty_trash", CHANGES); // deletes files
        expected.put("Backup::fullbackup_to_homedir", CHANGES); // starts a job that writes an archive into the home
        expected.put("API2 Fileman::mkdir", CHANGES); // makes a directory
        expected.put("API2 ZoneEdit::remove_zone_record", CHANGES); // removes a record
        expected.put("API2 SSL::installssl", CHANGES); // stores and installs a certificate
        expected.put("SpamAssassin::update_user_preference", CHANGES); // rewrites user_prefs
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, changes) -> {
            ApiKind kind = key.startsWith("API2 ") ? ApiKind.API2 : ApiKind.UAPI;
            String[] parts = key.replaceFirst("^API2 ", "").split("::");
            ApiFunction function = registry.module(parts[0]).map(m -> m.functions(kind).get(parts[1])).orElse(null);
            assertNotNull(function, key + " is registered");
            if (function.changesState() != changes) {
                wrong.add(key + " declared " + (function.changesState() ? "changesState()" : "readsOnly()"));
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(expected.values().stream().filter(c -> !c).count() >= 10 && expected.values().stream().filter(c -> c).count() >= 10);
    }
}
