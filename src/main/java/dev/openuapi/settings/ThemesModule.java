package dev.openuapi.settings;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Themes}: the themes this server offers and the account's own, kept in MariaDB. Behaviour follows
 * cPanel's {@code Cpanel::API::Themes}: list hides mail-only themes (names ending in "mail") unless asked and
 * adds the account's theme if it is not listed; get_theme_base answers jupiter or unknown.
 */
@ApplicationScoped
public class ThemesModule implements ApiModule {

    private static final Param SHOW_MAIL_THEMES = Param.of("show_mail_themes", ParamType.BOOLEAN, "1: list mail-only themes too.").example("0");
    private static final Param THEME = Param.string("theme", "The theme, as Themes::list lists it.").required().example("jupiter");

    private final AccountSettingsService settings;

    ThemesModule(AccountSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "Themes";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("list").readsOnly().summary("List the available themes").param(SHOW_MAIL_THEMES)
                        .returns(Shape.arrayOf("The theme names.", Shape.string("A theme.")))
                        .exampleJson("[\"jupiter\"]")
                        .handledBy(this::list),
                ApiFunction.named("get_theme_base").readsOnly().summary("Return the account's base theme (deprecated by cPanel)")
                        .returns(Shape.string("jupiter, or unknown."))
                        .exampleJson("\"jupiter\"")
                        .handledBy(call -> "jupiter".equals(settings.theme(call.principal().accountId())) ? "jupiter" : "unknown"),
                ApiFunction.named("update").changesState().summary("Change the account's theme").param(THEME).example(null)
                        .doing(call -> settings.setTheme(call.principal().accountId(), THEME.from(call))));
    }

    private List<String> list(Call call) {
        boolean mail = call.args().isTrue(SHOW_MAIL_THEMES.name());
        List<String> themes = new ArrayList<>();
        for (String theme : AccountSettingsService.THEMES) {
            if (mail || !theme.endsWith("mail")) {
                themes.add(theme);
            }
        }
        String own = settings.theme(call.principal().accountId());
        if (!themes.contains(own)) {
            themes.add(own);
        }
        return themes;
    }
}
