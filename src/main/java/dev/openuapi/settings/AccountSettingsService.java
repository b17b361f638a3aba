package dev.openuapi.settings;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;

/**
 * An account's interface settings, kept in MariaDB ({@code account_setting}) where cPanel keeps files in the
 * home directory: the locale, the theme and the CacheBuster id. OpenUAPI serves no interface itself; it keeps
 * these for the clients and interfaces that read them, so every replica answers the same.
 */
@ApplicationScoped
public class AccountSettingsService {

    /** The themes this server offers: cPanel's one distributed theme. No mail-only theme is installed. */
    public static final List<String> THEMES = List.of("jupiter");
    public static final String DEFAULT_THEME = "jupiter";

    private final AccountSettingRepository settings;

    AccountSettingsService(AccountSettingRepository settings) {
        this.settings = settings;
    }

    /** An account's theme and locale. */
    public record Interface(String theme, String locale) {

        public static final Interface DEFAULT = new Interface(DEFAULT_THEME, Locales.DEFAULT);
    }

    /** The theme and locale of each of these accounts, in one query (listaccts); an account not in the map has the defaults. */
    @Transactional
    public Map<Long, Interface> interfaces(Collection<Long> accountIds) {
        Map<Long, Interface> found = new HashMap<>();
        if (!accountIds.isEmpty()) {
            for (AccountSetting row : settings.list("accountId in ?1", accountIds)) {
                found.put(row.accountId, new Interface(row.theme == null ? DEFAULT_THEME : row.theme,
                        row.locale == null ? Locales.DEFAULT : row.locale));
            }
        }
        return found;
    }

    /** The account's locale code, {@code en} until it sets another. */
    @Transactional
    public String locale(long accountId) {
        return settings.of(accountId).map(s -> s.locale).orElse(Locales.DEFAULT);
    }

    /** @throws ApiException cPanel's own refusal when {@code code} is not one of {@link Locales#all()} */
    @Transactional
    public void setLocale(long accountId, String code) {
        if (Locales.byCode(code).isEmpty()) {
            // cPanel's Cpanel::Locale::set_user_locale wording
            throw ApiException.invalid("Unable to set locale, please specify a valid country code.");
        }
        long now = Epoch.now();
        AccountSetting row = settings.forUpdate(accountId, now);
        row.locale = code;
        row.updatedAt = now;
    }

    /** The account's theme, {@link #DEFAULT_THEME} until it sets another. */
    @Transactional
    public String theme(long accountId) {
        return settings.of(accountId).map(s -> s.theme).orElse(DEFAULT_THEME);
    }

    @Transactional
    public void setTheme(long accountId, String theme) {
        if (!THEMES.contains(theme)) {
            throw ApiException.invalid("The theme " + Quote.of(theme) + " is not available. Use one of: " + String.join(", ", THEMES) + ".");
        }
        long now = Epoch.now();
        AccountSetting row = settings.forUpdate(accountId, now);
        row.theme = theme;
        row.updatedAt = now;
    }

    /**
     * The CacheBuster id: as in cPanel's {@code Cpanel::Themes::CacheBuster}, the time (Unix seconds) of the last
     * reset, made now if the account has none yet or if the stored one lies in the future.
     */
    @Transactional
    public long cacheId(long accountId) {
        Long stored = settings.of(accountId).map(s -> s.cacheId).orElse(null);
        if (stored != null && stored <= Epoch.now()) {
            return stored;
        }
        return resetCacheId(accountId);
    }

    /** A new CacheBuster id: now, in Unix seconds (cPanel writes the time into {@code ~/etc/cacheid}). */
    @Transactional
    public long resetCacheId(long accountId) {
        long now = Epoch.now();
        AccountSetting row = settings.forUpdate(accountId, now);
        row.cacheId = now;
        row.updatedAt = now;
        return now;
    }
}
