package dev.openuapi.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.token.TokenRotationService;
import dev.openuapi.token.TokenRotationService.Rotated;
import dev.openuapi.token.TokenRotationService.RotationRights;

/**
 * Rotating a WHM API token (issue 19 §3), the same way as a cPanel token ({@link TokenRotationService}): each WHM user
 * rotates its own tokens, as it manages them in WHM API 1 ({@code api_token_*}): root root's, a reseller its own. A
 * name is looked up among the caller's tokens only, so another user's token is "does not exist".
 */
@ApplicationScoped
public class WhmTokenRotationService {

    private static final Logger LOG = Logger.getLogger(WhmTokenRotationService.class);

    private final WhmTokenRepository tokens;
    private final TokenRotationService rotation;

    WhmTokenRotationService(WhmTokenRepository tokens, TokenRotationService rotation) {
        this.tokens = tokens;
        this.rotation = rotation;
    }

    @Transactional
    public Rotated rotate(WhmUser caller, String name, long graceSeconds, RotationRights rights) {
        int grace = TokenRotationService.checkGrace(graceSeconds);
        WhmToken token = tokens.findByNameForUpdate(caller.username(), name)
                .orElseThrow(() -> ApiException.notFound("The API token " + Quote.of(name) + " does not exist."));
        Rotated rotated = rotation.rotate(token, "whm-token", grace, rights);
        LOG.infof("Rotated WHM API token %s of %s (grace %d s)", name, caller.username(), grace);
        return rotated;
    }
}
