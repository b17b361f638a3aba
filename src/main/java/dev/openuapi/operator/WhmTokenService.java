package dev.openuapi.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.token.IpAllowList;
import dev.openuapi.token.TokenRules;
import dev.openuapi.token.TokenChecks;
import dev.openuapi.token.TokenValues;

/**
 * WHM API tokens (spec §10.2): created, listed, changed and revoked by the WHM user that owns them. A
 * token's ACLs are checked against what the caller may do right now, so no token can be made to do more
 * than the token or password that made it.
 */
@ApplicationScoped
public class WhmTokenService {

    private static final Logger LOG = Logger.getLogger(WhmTokenService.class);

    public record CreatedWhmToken(WhmToken token, String value) {
    }

    /** What {@code api_token_update} changes; {@code null} fields stay as they are. */
    public record Changes(String newName, List<String> acls, String expiresAt, List<String> whitelist) {
    }

    private final WhmTokenRepository tokens;
    private final TokenChecks checks;
    private final OpenUapiMetrics metrics;

    WhmTokenService(WhmTokenRepository tokens, OpenUapiMetrics metrics, TokenChecks checks) {
        this.checks = checks;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Transactional
    public List<WhmToken> list(WhmUser owner) {
        return tokens.listForOwner(owner.username());
    }

    /**
     * @param acls the token's ACLs; empty: everything the caller may do (cPanel: "inherits all of the
     *        creator's ACLs")
     */
    @Transactional
    public CreatedWhmToken create(WhmUser caller, String name, List<String> acls, Long expiresAt, List<String> whitelist) {
        TokenRules.checkName(name);
        long now = Epoch.now();
        Long expiry = TokenRules.checkExpiry(expiresAt, now);
        List<String> granted = grantable(caller, acls, "create");
        List<String> allowList = IpAllowList.normalize(whitelist);
        if (tokens.findByName(caller.username(), name).isPresent()) {
            throw TokenRules.duplicateOnCreate(name);
        }
        WhmToken token = new WhmToken();
        token.owner = caller.username();
        token.accountId = caller.accountId();
        String value = TokenValues.issue(token, checks, name, now, expiry);
        token.acls = granted;
        token.whitelistIps = allowList;
        Unique.insert(tokens.getEntityManager(), token, TokenRules.duplicateOnCreate(name).getMessage());
        LOG.infof("Created WHM API token %s for %s", name, caller.username());
        metrics.tokenCreated("whm");
        return new CreatedWhmToken(token, value);
    }

    @Transactional
    public WhmToken update(WhmUser caller, String name, Changes changes) {
        WhmToken token = tokens.findByNameForUpdate(caller.username(), name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        List<String> granted = changes.acls() == null ? token.acls : grantable(caller, changes.acls(), "update");
        List<String> allowList = changes.whitelist() == null ? token.whitelistIps : IpAllowList.normalize(changes.whitelist());
        Long expiry = changes.expiresAt() == null ? token.expiresAt
                : TokenRules.checkExpiry(TokenRules.parseEpoch(changes.expiresAt()), Epoch.now()); // "" or 0: never
        if (changes.newName() != null) {
            TokenRules.checkRename(name, changes.newName());
            if (tokens.findByName(caller.username(), changes.newName()).isPresent()) {
                throw TokenRules.duplicateOnRename(changes.newName());
            }
            token.name = changes.newName();
        }
        token.acls = granted;
        token.whitelistIps = allowList;
        token.expiresAt = expiry;
        Unique.flush(tokens.getEntityManager(), TokenRules.duplicateOnRename(String.valueOf(changes.newName())).getMessage());
        return token;
    }

    /** Revokes the named tokens; names that do not exist are ignored, as on cPanel. */
    @Transactional
    public void revoke(WhmUser caller, Collection<String> names) {
        for (String name : names) {
            tokens.findByNameForUpdate(caller.username(), name).ifPresent(token -> {
                tokens.delete(token);
                metrics.tokensRevoked("whm", 1);
            });
        }
    }

    /** The caller's own token with this value, if there is one. */
    @Transactional
    public Optional<WhmToken> details(WhmUser caller, String value) {
        return tokens.findByHash(TokenValues.hash(value)).filter(t -> t.owner.equals(caller.username()));
    }

    /** The ACL list to store: what was asked, if the caller may give all of it. */
    private static List<String> grantable(WhmUser caller, List<String> asked, String verb) {
        if (asked.isEmpty()) {
            // A token or password with every privilege of its user makes tokens that follow the user's
            // privileges; a limited token can only hand on its own limits.
            return caller.tokenAcls() == null ? null : CommaList.sorted(caller.effectiveAcls());
        }
        Set<String> wanted = new TreeSet<>(asked);
        List<String> refused = new ArrayList<>();
        for (String acl : wanted) {
            if (!Acl.isKnown(acl) || !caller.has(acl)) {
                refused.add(acl);
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.invalid("The system failed to " + verb + " the API token: Invalid or unauthorized ACLs specified: "
                    + String.join(", ", refused));
        }
        return CommaList.sorted(wanted);
    }
}
