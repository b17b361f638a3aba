package dev.openuapi.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.openuapi.kernel.WhmUser;

/**
 * WHM privileges (ACLs), with cPanel's names. {@code all} is root-level. Every WHM API 1 function names
 * the ACL it needs once, in its {@link dev.openuapi.kernel.ApiFunction declaration}; the table in
 * {@code src/docs/whm-api-1.md} is checked against the registry by a test.
 *
 * <p>OpenUAPI accepts the ACL names below, so that a client granting a privilege that gates nothing here
 * (for example {@code limit-bandwidth}) still works; an unknown name is refused, as cPanel does.
 */
public final class Acl {

    public static final String ALL = WhmUser.ALL;
    public static final String ACCT_SUMMARY = "acct-summary";
    public static final String LIST_ACCTS = "list-accts";
    public static final String CREATE_ACCT = "create-acct";
    public static final String KILL_ACCT = "kill-acct";
    public static final String SUSPEND_ACCT = "suspend-acct";
    public static final String EDIT_ACCOUNT = "edit-account";
    public static final String PASSWD = "passwd";
    public static final String UPGRADE_ACCOUNT = "upgrade-account";
    public static final String LIST_PKGS = "list-pkgs";
    public static final String ADD_PKG = "add-pkg";
    public static final String EDIT_PKG = "edit-pkg";
    public static final String MANAGE_API_TOKENS = "manage-api-tokens";
    /**
     * Acting as one of one's accounts: {@code uapi_cpanel} and {@code /json-api/cpanel?cpanel_jsonapi_user=}. cPanel's
     * privilege "Perform cPanel API and UAPI functions through the WHM API" (docs.cpanel.net, Edit Reseller Nameservers
     * and Privileges).
     */
    public static final String CPANEL_API = "cpanel-api";
    /** cPanel's "Create User Session": WHM API 1 {@code create_user_session} ({@code session.UserSessionModule}). */
    public static final String CREATE_USER_SESSION = "create-user-session";
    /** cPanel's "Basic System Information": {@code version}, {@code gethostname}. */
    public static final String BASIC_SYSTEM_INFO = "basic-system-info";
    /** cPanel's "View Account Bandwidth Usage": {@code showbw}. */
    public static final String SHOW_BANDWIDTH = "show-bandwidth";
    /** Functions that reach beyond one's own accounts (resellers, server-wide settings): root-level only. */
    public static final String ROOT = ALL;
    /** Functions every WHM user may call, about itself (for example {@code myprivs}). */
    public static final String ANY = WhmUser.ANY;

    /** Every name OpenUAPI accepts, in cPanel's spelling. */
    private static final Set<String> KNOWN = new TreeSet<>(List.of(ALL, ACCT_SUMMARY, LIST_ACCTS, CREATE_ACCT, KILL_ACCT, SUSPEND_ACCT,
            EDIT_ACCOUNT, PASSWD, UPGRADE_ACCOUNT, LIST_PKGS, ADD_PKG, EDIT_PKG, MANAGE_API_TOKENS, CPANEL_API,
            BASIC_SYSTEM_INFO, SHOW_BANDWIDTH, CREATE_USER_SESSION,
            // accepted for compatibility; nothing in OpenUAPI is gated by these yet
            "basic-whm-functions", "create-dns", "edit-dns", "kill-dns", "park-dns", "edit-mx",
            "limit-bandwidth", "quota", "ssl", "ssl-info", "ssl-gencrt", "mysql-info", "stats", "status",
            "allow-addoncreate", "allow-parkedcreate", "allow-unlimited-pkgs", "allow-unlimited-disk-pkgs",
            "allow-unlimited-bw-pkgs", "add-pkg-ip", "add-pkg-shell", "manage-dns-records", "track-email", "public-contact"));

    private Acl() {
    }

    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    /** {@code api_token_list}'s map: every ACL the holder of {@code ownerAcls} could give, 1 if {@code acls} grants it. */
    public static Map<String, Integer> expand(Set<String> ownerAcls, Set<String> acls) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String name : ownerAcls.contains(ALL) ? KNOWN : ownerAcls) {
            map.put(name, WhmUser.grants(acls, name) ? 1 : 0);
        }
        return map;
    }
}
