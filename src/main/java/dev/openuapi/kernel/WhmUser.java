package dev.openuapi.kernel;

import java.util.Set;
import java.util.TreeSet;

/**
 * A WHM user on a request: {@code root}, or a reseller (an account with WHM privileges). When the request
 * came with a WHM API token that carries its own ACL list, {@code tokenAcls} narrows what the user may do;
 * the token can never do more than its owner. The ACL names are cPanel's ({@code dev.openuapi.operator.Acl}).
 *
 * @param accountId the reseller's account, {@code null} for root
 * @param privileges the user's own ACLs ({@code all} for root)
 * @param tokenAcls the token's ACLs, or {@code null} when the token (or password) carries all of the user's
 */
public record WhmUser(String username, Long accountId, Set<String> privileges, Set<String> tokenAcls) {

    public static final String ROOT = "root";
    /** Root-level: every privilege. */
    public static final String ALL = "all";
    /** Declared by functions every WHM user may call, about itself (for example {@code myprivs}). */
    public static final String ANY = "any";

    public static WhmUser root(Set<String> tokenAcls) {
        return new WhmUser(ROOT, null, Set.of(ALL), tokenAcls);
    }

    /** A reseller, with the privileges its account holds now. */
    public static WhmUser reseller(Principal account, Set<String> tokenAcls) {
        if (!account.isReseller()) {
            throw new IllegalArgumentException(account.username() + " is not a reseller");
        }
        return new WhmUser(account.username(), account.accountId(), account.resellerAcls(), tokenAcls);
    }

    /** What this request may do: the user's privileges, narrowed by the token's. */
    public Set<String> effectiveAcls() {
        if (tokenAcls == null || tokenAcls.contains(ALL)) {
            return privileges;
        }
        if (privileges.contains(ALL)) {
            return tokenAcls;
        }
        Set<String> both = new TreeSet<>(tokenAcls);
        both.retainAll(privileges);
        return both;
    }

    public boolean has(String acl) {
        return grants(effectiveAcls(), acl);
    }

    /** Root and root-level resellers see every account; other resellers see the accounts they own. */
    public boolean sees(String accountOwner) {
        return privileges.contains(ALL) || username.equals(accountOwner);
    }

    /** Whether a set of privileges includes {@code acl}: {@code all} includes every one. */
    public static boolean grants(Set<String> acls, String acl) {
        return ANY.equals(acl) || acls.contains(ALL) || acls.contains(acl);
    }
}
