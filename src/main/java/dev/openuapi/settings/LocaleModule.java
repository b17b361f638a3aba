package dev.openuapi.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Locale}: the account's interface locale, kept in MariaDB. Arguments, keys and the refusal follow
 * cPanel's {@code Cpanel::API::Locale} and api.docs.cpanel.net (Locale get_attributes, list_locales, set_locale).
 */
@ApplicationScoped
public class LocaleModule implements ApiModule {

    /** The attributes get_attributes answers without an {@code attributes} argument, as cPanel's DEFAULTS. */
    private static final List<String> DEFAULT_ATTRIBUTES = List.of("locale", "encoding", "direction");
    /** Keys cPanel itself skips when they appear in {@code attributes}. */
    private static final List<String> IGNORED = List.of("api.version", "cpanel_jsonapi_module", "cpanel_jsonapi_func",
            "cpanel_jsonapi_apiversion");

    private static final Param ATTRIBUTES = Param.string("attributes",
            "Comma-separated: any of locale, name, encoding, direction (default: locale, encoding and direction).").example("locale,name,encoding,direction");
    private static final Param LOCALE = Param.string("locale", "The locale's code, as Locale::list_locales lists it.").required()
            .example("en");

    private final AccountSettingsService settings;

    LocaleModule(AccountSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "Locale";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("get_attributes").readsOnly().summary("Return the account's locale settings").param(ATTRIBUTES)
                        .returns(Shape.object("The requested attributes.")
                                .field("locale", Shape.string("The locale's code."))
                                .field("name", Shape.string("The locale's name, in its own language (only when requested)."))
                                .field("encoding", Shape.string("The character set: utf-8."))
                                .field("direction", Shape.string("ltr or rtl.")).build())
                        .exampleJson("{\"locale\":\"en\",\"name\":\"English\",\"encoding\":\"utf-8\",\"direction\":\"ltr\"}")
                        .handledBy(this::attributes),
                ApiFunction.named("list_locales").readsOnly().summary("List the available locales")
                        .returns(Shape.arrayOf("The locales.", Shape.of(SettingsRows.Locale.class)))
                        .exampleJson("[{\"locale\":\"de\",\"name\":\"German\",\"local_name\":\"Deutsch\",\"direction\":\"ltr\"}]")
                        .handledBy(call -> Locales.all().stream().map(SettingsRows.Locale::of).toList()),
                ApiFunction.named("set_locale").changesState().summary("Set the account's locale").param(LOCALE).example(null)
                        .doing(call -> settings.setLocale(call.principal().accountId(), LOCALE.from(call))));
    }

    private Map<String, Object> attributes(Call call) {
        String csv = ATTRIBUTES.from(call);
        List<String> requested = new java.util.ArrayList<>();
        for (String attribute : (csv == null ? "" : csv).split(",")) {
            if (!attribute.isEmpty() && !IGNORED.contains(attribute)) {
                requested.add(attribute);
            }
        }
        if (requested.isEmpty()) {
            requested = DEFAULT_ATTRIBUTES;
        }
        Locales.Entry locale = Locales.byCode(settings.locale(call.principal().accountId())).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        for (String attribute : requested) {
            switch (attribute) {
                case "locale" -> data.put("locale", locale.locale());
                case "name" -> data.put("name", locale.localName());
                case "encoding" -> data.put("encoding", "utf-8");
                case "direction" -> data.put("direction", locale.direction());
                default -> call.warning("Unknown attribute: " + attribute); // cPanel's raw_warning
            }
        }
        return data;
    }
}
