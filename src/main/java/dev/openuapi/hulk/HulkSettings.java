package dev.openuapi.hulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openuapi.config.OpenUapiConfig;

/**
 * cPHulk's settings in effect: the configuration's defaults, overridden by what the WHM functions stored.
 * Times are kept in seconds, as cPanel's {@code *_sec} keys are.
 */
public record HulkSettings(boolean enabled, boolean ipBasedProtection, int maxFailuresByip, long ipPeriodSeconds, int markAsBrute,
        long lookbackSeconds, long excessiveBlockSeconds, int maxFailures, long userPeriodSeconds, boolean usernameBasedProtection,
        boolean usernameLocalOrigin, boolean usernameForRoot) {

    /** Keys cPanel's set_cphulk_config_key takes that need a backend OpenUAPI does not have: refused unless they stay off. */
    static final List<String> NO_BACKEND = List.of("block_brute_force_with_firewall", "block_excessive_brute_force_with_firewall",
            "command_to_run_on_brute_force", "command_to_run_on_excessive_brute_force", "country_blacklist", "country_whitelist",
            "notify_on_brute", "notify_on_root_login", "notify_on_root_login_for_known_netblock");

    /** Every key set_cphulk_config_key takes (cPanel's list). */
    public static final List<String> KEYS = List.of("block_brute_force_with_firewall", "block_excessive_brute_force_with_firewall",
            "brute_force_period_mins", "brute_force_period_sec", "command_to_run_on_brute_force", "command_to_run_on_excessive_brute_force",
            "country_blacklist", "country_whitelist", "ip_based_protection", "ip_brute_force_period_mins", "ip_brute_force_period_sec",
            "is_enabled", "lookback_period_min", "lookback_time", "mark_as_brute", "max_failures", "max_failures_byip", "notify_on_brute",
            "notify_on_root_login", "notify_on_root_login_for_known_netblock", "username_based_protection",
            "username_based_protection_for_root", "username_based_protection_local_origin");

    static HulkSettings defaults(OpenUapiConfig.Cphulk config) {
        return new HulkSettings(true, true, config.maxFailuresByip(), config.ipBruteForcePeriodMins() * 60L, config.markAsBrute(),
                config.lookbackPeriodMin() * 60L, config.excessiveBlockSeconds(), config.maxFailures(), config.bruteForcePeriodMins() * 60L,
                config.usernameBasedProtection(), config.usernameBasedProtectionLocalOrigin(), config.usernameBasedProtectionForRoot());
    }

    /**
     * The stored form of {@code key=value}: the name it is kept under and its value, or an error for the caller.
     * Minutes are stored as seconds, so {@code _mins} and {@code _sec} set the same thing.
     */
    static Map.Entry<String, String> normalize(String key, String value) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("“" + key + "” is not a valid cPHulk configuration key.");
        }
        String v = value == null ? "" : value.trim();
        if (NO_BACKEND.contains(key)) {
            if (v.isEmpty() || v.equals("0")) {
                return null; // off is what OpenUAPI does anyway: nothing to store
            }
            throw new IllegalArgumentException("OpenUAPI cannot honour “" + key + "”: it has no "
                    + (key.startsWith("command") ? "command runner" : key.startsWith("country") ? "country database"
                            : key.startsWith("notify") ? "notification system" : "firewall")
                    + ". Only an empty value or 0 is accepted.");
        }
        return switch (key) {
            case "is_enabled", "ip_based_protection", "username_based_protection", "username_based_protection_for_root",
                    "username_based_protection_local_origin" -> {
                if (!v.equals("0") && !v.equals("1")) {
                    throw new IllegalArgumentException("The value for “" + key + "” must be 0 or 1.");
                }
                yield Map.entry(key, v);
            }
            case "brute_force_period_mins" -> Map.entry("brute_force_period_sec", String.valueOf(positive(key, v) * 60));
            case "ip_brute_force_period_mins" -> Map.entry("ip_brute_force_period_sec", String.valueOf(positive(key, v) * 60));
            case "lookback_period_min" -> Map.entry("lookback_time", String.valueOf(positive(key, v) * 60));
            case "brute_force_period_sec", "ip_brute_force_period_sec", "lookback_time" -> Map.entry(key, String.valueOf(positive(key, v)));
            default -> Map.entry(key, String.valueOf(count(key, v))); // mark_as_brute, max_failures, max_failures_byip
        };
    }

    private static long positive(String key, String v) {
        if (!v.matches("[0-9]{1,9}") || Long.parseLong(v) < 1) {
            throw new IllegalArgumentException("The value for “" + key + "” must be a positive whole number.");
        }
        return Long.parseLong(v);
    }

    private static long count(String key, String v) {
        if (!v.matches("[0-9]{1,9}") || Long.parseLong(v) < 1) {
            throw new IllegalArgumentException("The value for “" + key + "” must be a whole number of failures, at least 1.");
        }
        return Long.parseLong(v);
    }

    /** These settings with the stored ones applied over them ({@code stored}: name → value as {@link #normalize} made it). */
    HulkSettings with(Map<String, String> stored) {
        HulkSettings s = this;
        for (Map.Entry<String, String> e : stored.entrySet()) {
            String v = e.getValue();
            s = switch (e.getKey()) {
                case "is_enabled" -> new HulkSettings(v.equals("1"), s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds, s.markAsBrute,
                        s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds, s.usernameBasedProtection,
                        s.usernameLocalOrigin, s.usernameForRoot);
                case "ip_based_protection" -> new HulkSettings(s.enabled, v.equals("1"), s.maxFailuresByip, s.ipPeriodSeconds, s.markAsBrute,
                        s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds, s.usernameBasedProtection,
                        s.usernameLocalOrigin, s.usernameForRoot);
                case "max_failures_byip" -> new HulkSettings(s.enabled, s.ipBasedProtection, Integer.parseInt(v), s.ipPeriodSeconds,
                        s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds,
                        s.usernameBasedProtection, s.usernameLocalOrigin, s.usernameForRoot);
                case "ip_brute_force_period_sec" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, Long.parseLong(v),
                        s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds,
                        s.usernameBasedProtection, s.usernameLocalOrigin, s.usernameForRoot);
                case "mark_as_brute" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds,
                        Integer.parseInt(v), s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds,
                        s.usernameBasedProtection, s.usernameLocalOrigin, s.usernameForRoot);
                case "lookback_time" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds, s.markAsBrute,
                        Long.parseLong(v), s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds, s.usernameBasedProtection,
                        s.usernameLocalOrigin, s.usernameForRoot);
                case "max_failures" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds, s.markAsBrute,
                        s.lookbackSeconds, s.excessiveBlockSeconds, Integer.parseInt(v), s.userPeriodSeconds, s.usernameBasedProtection,
                        s.usernameLocalOrigin, s.usernameForRoot);
                case "brute_force_period_sec" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds,
                        s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, Long.parseLong(v),
                        s.usernameBasedProtection, s.usernameLocalOrigin, s.usernameForRoot);
                case "username_based_protection" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip, s.ipPeriodSeconds,
                        s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds, v.equals("1"),
                        s.usernameLocalOrigin, s.usernameForRoot);
                case "username_based_protection_local_origin" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip,
                        s.ipPeriodSeconds, s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds,
                        s.usernameBasedProtection, v.equals("1"), s.usernameForRoot);
                case "username_based_protection_for_root" -> new HulkSettings(s.enabled, s.ipBasedProtection, s.maxFailuresByip,
                        s.ipPeriodSeconds, s.markAsBrute, s.lookbackSeconds, s.excessiveBlockSeconds, s.maxFailures, s.userPeriodSeconds,
                        s.usernameBasedProtection, s.usernameLocalOrigin, v.equals("1"));
                default -> s; // revision and anything unknown
            };
        }
        return s;
    }

    /** cPanel's {@code cphulk_config} object, in its key order. */
    public Map<String, Object> asCpanelConfig(boolean hardOff) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("block_brute_force_with_firewall", 0);
        c.put("block_excessive_brute_force_with_firewall", 0);
        c.put("brute_force_period_mins", userPeriodSeconds / 60);
        c.put("brute_force_period_sec", userPeriodSeconds);
        c.put("can_temp_ban_firewall", 0);
        c.put("command_to_run_on_brute_force", "");
        c.put("command_to_run_on_excessive_brute_force", "");
        c.put("country_blacklist", "");
        c.put("country_whitelist", "");
        c.put("ip_based_protection", ipBasedProtection ? 1 : 0);
        c.put("ip_brute_force_period_mins", ipPeriodSeconds / 60);
        c.put("ip_brute_force_period_sec", ipPeriodSeconds);
        c.put("is_enabled", enabled && !hardOff ? 1 : 0);
        c.put("lookback_period_min", lookbackSeconds / 60);
        c.put("lookback_time", lookbackSeconds);
        c.put("mark_as_brute", markAsBrute);
        c.put("max_failures", maxFailures);
        c.put("max_failures_byip", maxFailuresByip);
        c.put("notify_on_brute", 0);
        c.put("notify_on_root_login", 0);
        c.put("notify_on_root_login_for_known_netblock", 0);
        c.put("username_based_protection", usernameBasedProtection ? 1 : 0);
        c.put("username_based_protection_for_root", usernameForRoot ? 1 : 0);
        c.put("username_based_protection_local_origin", usernameLocalOrigin ? 1 : 0);
        return c;
    }
}
