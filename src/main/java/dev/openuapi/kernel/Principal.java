package dev.openuapi.kernel;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account a cPanel call runs as: an immutable snapshot taken when the request authenticated (or when a
 * WHM user began to act as the account). A call carries this, never a JPA entity.
 *
 * @param owner        the WHM user that owns the account: {@code root} or a reseller
 * @param planId       the account's plan, {@code null} for none (no limits)
 * @param features     the account's enabled features, by cPanel's names
 * @param resellerAcls the account's WHM privileges when it is a reseller, {@code null} when it is not
 * @param suspended    whether the account is suspended (a suspended account's own credentials never get here)
 * @param scope        what a scoped or read-only API token limits the call to, {@code null} for every other credential
 *                     (passwords, sessions, unrestricted tokens, WHM users acting as the account)
 */
public record Principal(long accountId, String username, String owner, Long planId, Set<String> features, Set<String> resellerAcls,
        boolean suspended, TokenScope scope) {

    /** The sets are copied, sorted: whatever lists them (ACL maps, feature maps) lists them in one order. */
    public Principal {
        features = Collections.unmodifiableSortedSet(new TreeSet<>(features));
        resellerAcls = resellerAcls == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(resellerAcls));
    }

    /** An account's own snapshot, with no token scope. */
    public Principal(long accountId, String username, String owner, Long planId, Set<String> features, Set<String> resellerAcls,
            boolean suspended) {
        this(accountId, username, owner, planId, features, resellerAcls, suspended, null);
    }

    /** The same account, limited by a token's scope ({@code null}: none). */
    public Principal withScope(TokenScope tokenScope) {
        return new Principal(accountId, username, owner, planId, features, resellerAcls, suspended, tokenScope);
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }

    public boolean isReseller() {
        return resellerAcls != null;
    }
}
