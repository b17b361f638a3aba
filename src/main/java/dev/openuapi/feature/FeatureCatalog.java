package dev.openuapi.feature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cPanel features OpenUAPI knows, by cPanel's feature names. New accounts get all of them; an operator
 * can take any away. A function that needs a missing feature fails with
 * {@code You do not have the feature “x”.}
 */
public final class FeatureCatalog {

    private static final Map<String, String> FEATURES = new TreeMap<>(Map.ofEntries(
            Map.entry("apitokens", "Manage API Tokens"),
            Map.entry("addondomains", "Addon Domains"),
            Map.entry("parkeddomains", "Aliases (parked domains)"),
            Map.entry("subdomains", "Subdomains"),
            Map.entry("zoneedit", "Zone Editor"),
            Map.entry("nettools", "Track DNS"),
            Map.entry("sslinstall", "SSL/TLS installation"),
            Map.entry("popaccts", "Email Accounts"),
            Map.entry("forwarders", "Email Forwarders"),
            Map.entry("spamassassin", "Apache SpamAssassin™"),
            Map.entry("blockers", "Email Filters"),
            Map.entry("autoresponders", "Autoresponders"),
            Map.entry("mysql", "MySQL Databases"),
            Map.entry("ftpaccts", "FTP Accounts"),
            Map.entry("cron", "Cron Jobs"),
            Map.entry("filemanager", "File Manager"),
            Map.entry("diskusageviewer", "Disk Usage"),
            Map.entry("bandwidth", "Bandwidth"),
            Map.entry("user_manager", "User Manager"),
            Map.entry("webalizer", "Webalizer"),
            Map.entry("analog", "Analog Stats"),
            Map.entry("backup", "Backup"),
            Map.entry("webprotect", "Directory Privacy"),
            Map.entry("indexmanager", "Indexes")));

    private FeatureCatalog() {
    }

    public static boolean exists(String name) {
        return FEATURES.containsKey(name);
    }

    /** The feature's plain-language name, as cPanel's Feature Manager shows it; the name itself when it is unknown. */
    public static String label(String name) {
        return FEATURES.getOrDefault(name, name);
    }

    public static Set<String> names() {
        return FEATURES.keySet();
    }

    /** {name: 1|0} for every known feature, as cPanel's feature maps read. */
    public static Map<String, Integer> map(Set<String> enabled) {
        Map<String, Integer> features = new LinkedHashMap<>();
        for (String feature : FEATURES.keySet()) {
            features.put(feature, enabled.contains(feature) ? 1 : 0);
        }
        return features;
    }
}
