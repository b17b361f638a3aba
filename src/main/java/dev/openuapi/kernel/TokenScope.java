package dev.openuapi.kernel;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a scoped or read-only cPanel API token may do within its account (issue 19 §1). A credential without such
 * limits (a password, a session, an unrestricted token, a WHM user acting as the account) has no scope at all:
 * {@link Principal#scope()} is {@code null}.
 *
 * @param features the features the token is limited to, by cPanel's names; empty: any feature the account has
 * @param readOnly whether the token may call only functions that change nothing
 */
public record TokenScope(SortedSet<String> features, boolean readOnly) {

    public TokenScope {
        features = Collections.unmodifiableSortedSet(new TreeSet<>(features == null ? Set.of() : features));
    }

    /** The scope of a token with these limits, or {@code null} when it has none (unrestricted). */
    public static TokenScope of(Collection<String> features, boolean readOnly) {
        boolean limited = features != null && !features.isEmpty();
        return limited || readOnly ? new TokenScope(limited ? new TreeSet<>(features) : new TreeSet<>(), readOnly) : null;
    }

    /** Whether the token is limited to some features (and not only read-only). */
    public boolean limitsFeatures() {
        return !features.isEmpty();
    }

    /** Whether the scope lets the token use {@code feature} (the account must still have it). */
    public boolean allows(String feature) {
        return features.isEmpty() || features.contains(feature);
    }

    /** The features a token with {@code scope} may use in an account that has {@code accountFeatures}, sorted. */
    public static SortedSet<String> effectiveFeatures(TokenScope scope, Set<String> accountFeatures) {
        TreeSet<String> effective = new TreeSet<>(accountFeatures);
        if (scope != null && scope.limitsFeatures()) {
            effective.retainAll(scope.features());
        }
        return effective;
    }

    /**
     * Whether a credential with scope {@code caller} may give a token the scope {@code wanted} without escalation: the
     * wanted token's features are among the caller's, and it is read-only if the caller is. {@code null} is unrestricted:
     * an unrestricted caller may give any scope; a scoped caller never an unrestricted one.
     */
    public static boolean covers(TokenScope caller, TokenScope wanted) {
        if (caller == null) {
            return true;
        }
        if (wanted == null) {
            return false;
        }
        if (caller.readOnly() && !wanted.readOnly()) {
            return false;
        }
        if (!caller.limitsFeatures()) {
            return true;
        }
        // A wanted token with no feature list may use every feature the account has, now and later: more than the caller.
        return wanted.limitsFeatures() && caller.features().containsAll(wanted.features());
    }
}
