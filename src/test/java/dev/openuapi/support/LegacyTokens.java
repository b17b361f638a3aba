package dev.openuapi.support;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.token.ApiToken;
import dev.openuapi.token.ApiTokenRepository;
import dev.openuapi.token.TokenValues;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A token as every token issued before issue 13 is, or one imported from elsewhere: its SHA-512 stored with no check
 * key, so only the unchecked-token set knows it.
 */
public final class LegacyTokens {

    private LegacyTokens() {
    }

    /** Stores a token named {@code name} without a check for {@code username}; returns its value. */
    public static String insert(AccountRepository accounts, ApiTokenRepository tokens, String username, String name) {
        String value = Fixtures.randomSuffix(32).toUpperCase();
        long accountId = accounts.findByUsername(username).orElseThrow().id;
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken token = new ApiToken();
            token.account = accounts.findById(accountId);
            token.name = name;
            token.tokenHash = TokenValues.hash(value);
            token.createTime = 1;
            tokens.persist(token); // check_key NULL
        });
        return value;
    }
}
