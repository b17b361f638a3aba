package dev.openuapi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 19 §1: what a token scope allows, and which scopes a scoped caller may give (no escalation). */
class TokenScopeTest {

    static TokenScope scope(boolean readOnly, String... features) {
        return TokenScope.of(List.of(features), readOnly);
    }

    @Test
    void noLimitsIsNoScope() {
        assertNull(TokenScope.of(null, false));
        assertNull(TokenScope.of(List.of(), false));
        assertEquals(List.of("a", "b"), List.copyOf(scope(false, "b", "a", "b").features()), "sorted, each once");
    }

    @Test
    void allowsAndEffectiveFeatures() {
        assertTrue(scope(true).allows("zoneedit"), "read-only only: any feature");
        assertFalse(scope(false, "ftpaccts").allows("zoneedit"));
        assertEquals(Set.of("cron", "zoneedit"), TokenScope.effectiveFeatures(scope(true), Set.of("zoneedit", "cron")));
        assertEquals(Set.of("zoneedit"), TokenScope.effectiveFeatures(scope(false, "zoneedit", "mysql"), Set.of("zoneedit", "cron")),
                "never a feature the account lacks");
    }

    @Test
    void aScopedCallerGivesOnlyWhatItHas() {
        TokenScope unrestricted = null;
        assertTrue(TokenScope.covers(unrestricted, unrestricted));
        assertTrue(TokenScope.covers(unrestricted, scope(true, "a")));
        assertFalse(TokenScope.covers(scope(false, "a"), unrestricted), "a scoped caller never makes an unrestricted token");
        assertFalse(TokenScope.covers(scope(true), unrestricted));

        assertTrue(TokenScope.covers(scope(false, "a", "b"), scope(false, "a")));
        assertTrue(TokenScope.covers(scope(false, "a", "b"), scope(true, "a", "b")));
        assertFalse(TokenScope.covers(scope(false, "a", "b"), scope(false, "a", "c")));
        assertFalse(TokenScope.covers(scope(false, "a"), scope(true)), "read-only only has every feature: more than a");

        assertTrue(TokenScope.covers(scope(true), scope(true)));
        assertTrue(TokenScope.covers(scope(true), scope(true, "a")));
        assertFalse(TokenScope.covers(scope(true), scope(false, "a")), "a read-only caller makes read-only tokens only");
        assertFalse(TokenScope.covers(scope(true, "a"), scope(false, "a")));
    }
}
