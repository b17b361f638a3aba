package dev.openuapi.plan;

import dev.openuapi.account.MailLimits;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.settings.AccountSettingsService;
import dev.openuapi.settings.Locales;

/**
 * What a package gives each account on it besides the limits OpenUAPI counts (addpkg's {@code hasshell},
 * {@code cgi}, {@code cpmod}, {@code language}, {@code maxlst}, the mail rate limits...). A plain holder the WHM
 * module fills from cPanel's arguments; {@code null} theme and locale are the server's defaults, {@code null}
 * limits unlimited. cPanel's defaults: no shell, CGI on, no Digest Authentication.
 */
public final class PackageOptions {

    public boolean hasShell;
    public boolean cgi = true;
    public boolean digestAuth;
    public String theme;
    public String locale;
    public MailLimits mailLimits = new MailLimits();

    public static PackageOptions of(Plan plan) {
        PackageOptions o = new PackageOptions();
        o.hasShell = plan.hasShell;
        o.cgi = plan.cgi;
        o.digestAuth = plan.digestAuth;
        o.theme = plan.theme;
        o.locale = plan.locale;
        o.mailLimits = plan.mailLimits();
        return o;
    }

    void check() {
        if (theme != null && !AccountSettingsService.THEMES.contains(theme)) {
            throw ApiException.invalid("The theme " + Quote.of(theme) + " is not available. Use one of: "
                    + String.join(", ", AccountSettingsService.THEMES) + ".");
        }
        if (locale != null && Locales.byCode(locale).isEmpty()) {
            throw ApiException.invalid(Quote.of(locale) + " is not a locale this server offers.");
        }
        mailLimits.check();
    }

    void applyTo(Plan plan) {
        plan.hasShell = hasShell;
        plan.cgi = cgi;
        plan.digestAuth = digestAuth;
        plan.theme = theme;
        plan.locale = locale;
        plan.setMailLimits(mailLimits);
    }
}
