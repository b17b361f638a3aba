package dev.openuapi.token;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Unique;

/**
 * Creating, listing, renaming and revoking an account's cPanel API tokens: the one core behind UAPI
 * {@code Tokens::*} and {@code /api/v1/tokens}. Messages are cPanel's (spec §3-§4).
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    /** cPanel's upper bound for an epoch argument. */
    private static final long MAX_EPOCH = 67767976233521999L;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,17}");

    /** A token as created: the value is in here once and nowhere else, ever. */
    public record CreatedToken(ApiToken token, String value) {
    }

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;

    TokenService(ApiTokenRepository tokens, AccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Transactional
    public List<ApiToken> list(long accountId) {
        return tokens.listForAccount(accountId);
    }

    /**
     * @param expiresAt epoch seconds; {@code null} or 0 never expires; earlier than now is refused
     */
    @Transactional
    public CreatedToken create(long accountId, String name, Long expiresAt) {
        checkName(name);
        long now = Epoch.now();
        Long expiry = checkExpiry(expiresAt, now);
        if (tokens.findByName(accountId, name).isPresent()) {
            throw duplicateOnCreate(name);
        }
        Account account = accounts.findById(accountId);
        if (account == null) {
            throw ApiException.notFound("The account does not exist.");
        }
        String value = TokenValues.generate();
        ApiToken token = new ApiToken();
        token.account = account;
        token.name = name;
        token.tokenHash = TokenValues.hash(value);
        token.createTime = now;
        token.expiresAt = expiry;
        // Two creates of one name may race past the check above; the unique key lets exactly one through.
        Unique.insert(tokens.getEntityManager(), token, duplicateOnCreate(name).getMessage());
        LOG.debugf("Created API token %s for account %s", name, account.username);
        return new CreatedToken(token, value);
    }

    @Transactional
    public ApiToken rename(long accountId, String name, String newName) {
        checkName(newName);
        if (newName.equals(name)) {
            throw ApiException.invalid("“new_name” must be a different value from “name”.");
        }
        ApiToken token = tokens.findByName(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token “" + name + "” does not exist."));
        if (tokens.findByName(accountId, newName).isPresent()) {
            throw duplicateOnRename(newName);
        }
        token.name = newName;
        Unique.flush(tokens.getEntityManager(), duplicateOnRename(newName).getMessage());
        return token;
    }

    /**
     * Limits a token to addresses and CIDR ranges (normalised as cPanel does), or lifts the limit when
     * {@code entries} is empty. Only operators do this: cPanel's UAPI has no such function.
     */
    @Transactional
    public ApiToken setWhitelist(long accountId, String name, List<String> entries) {
        ApiToken token = tokens.findByName(accountId, name)
                .orElseThrow(() -> ApiException.notFound("The API token “" + name + "” does not exist."));
        token.whitelistIps = IpAllowList.normalize(entries);
        return token;
    }

    /** @return whether a token of that name existed and is now gone */
    @Transactional
    public boolean revoke(long accountId, String name) {
        return tokens.findByName(accountId, name).map(token -> {
            tokens.delete(token);
            return true;
        }).orElse(false);
    }

    /**
     * Reads an epoch argument as cPanel does: digits only, at most {@link #MAX_EPOCH}; empty means none.
     */
    public static Long parseEpoch(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!DIGITS.matcher(raw).matches() || Long.parseLong(raw) > MAX_EPOCH) {
            throw ApiException.invalid("“" + raw + "” is not a valid UNIX epoch timestamp.");
        }
        return Long.parseLong(raw);
    }

    static Long checkExpiry(Long expiresAt, long now) {
        if (expiresAt == null || expiresAt == 0) {
            return null;
        }
        if (expiresAt < 0 || expiresAt > MAX_EPOCH) {
            throw ApiException.invalid("“" + expiresAt + "” is not a valid UNIX epoch timestamp.");
        }
        if (expiresAt < now) {
            throw ApiException.invalid("The “" + expiresAt + "” value must be a future date.");
        }
        return expiresAt;
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid("“" + name + "” is not a valid API token name. An API token name must not be longer than 50 "
                    + "characters and may only contain the following 64 characters: a-z A-Z 0-9 _ -");
        }
    }

    private static ApiException duplicateOnCreate(String name) {
        return ApiException.conflict("A conflicting API token with the name “" + name + "” already exists.");
    }

    private static ApiException duplicateOnRename(String name) {
        return ApiException.conflict("An API token with the name “" + name + "” already exists.");
    }

}
