package dev.openuapi.operator;

import java.util.Set;
import java.util.TreeSet;

import dev.openuapi.account.Account;

/**
 * A WHM user on a request: {@code root}, or a reseller (an account with WHM privileges). When the
 * request came with a WHM API token that carries its own ACL list, {@code tokenAcls} narrows what the
 * user may do; the token can never do more than its owner.
 *
 * @param accountId the reseller's account, {@code null} for root
 * @param privileges the user's own ACLs ({@code all} for root)
 * @param tokenAcls the token's ACLs, or {@code null} when the token (or password) carries all of the user's
 */
public record Operator(String username, Long accountId, Set<String> privileges, Set<String> tokenAcls) {

    public static final String ROOT = "root";

    public static Operator root(Set<String> tokenAcls) {
        return new Operator(ROOT, null, Set.of(Acl.ALL), tokenAcls);
    }

    public static Operator reseller(Account account, Set<String> tokenAcls) {
        return new Operator(account.username, account.id, Acl.parse(account.resellerAcls), tokenAcls);
    }

    public boolean isRoot() {
        return accountId == null;
    }

    /** What this request may do: the user's privileges, narrowed by the token's. */
    public Set<String> effectiveAcls() {
        if (tokenAcls == null || tokenAcls.contains(Acl.ALL)) {
            return privileges;
        }
        if (privileges.contains(Acl.ALL)) {
            return tokenAcls;
        }
        Set<String> both = new TreeSet<>(tokenAcls);
        both.retainAll(privileges);
        return both;
    }

    public boolean has(String acl) {
        return Acl.grants(effectiveAcls(), acl);
    }

    /** Root and root-level resellers see every account; other resellers see the accounts they own. */
    public boolean sees(Account account) {
        return privileges.contains(Acl.ALL) || username.equals(account.owner);
    }
}
