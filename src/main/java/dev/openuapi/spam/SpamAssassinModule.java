package dev.openuapi.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code SpamAssassin} (cPanel's reference: api.docs.cpanel.net, SpamAssassin; Cpanel::API::SpamAssassin, which
 * needs the {@code spamassassin} feature): the preferences in {@code ~/.spamassassin/user_prefs}.
 */
@ApplicationScoped
public class SpamAssassinModule implements ApiModule {

    public static final String FEATURE = "spamassassin";

    private final SpamService spam;

    SpamAssassinModule(SpamService spam) {
        this.spam = spam;
    }

    @Override
    public String name() {
        return "SpamAssassin";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        Shape preferences = Shape.mapOf("Each setting of user_prefs, by name, with its values in file order (required_score's as numbers).",
                Shape.arrayOf("The values.", new Shape(null, "A value: a string, or a number for required_score.", null, null, null, false)));
        return List.of(
                ApiFunction.named("get_user_preferences").readsOnly().summary("Return SpamAssassin™ settings")
                        .description("The settings of ~/.spamassassin/user_prefs; null when the account has no such file.")
                        .returns(preferences.orNull())
                        .exampleSetup("/execute/SpamAssassin/update_user_preference?preference=blacklist_from&value=username2@example.com",
                                "/execute/SpamAssassin/update_user_preference?preference=required_score&value=5.1",
                                "/execute/SpamAssassin/update_user_preference?preference=score&value=ACT_NOW_CAPS%201",
                                "/execute/SpamAssassin/update_user_preference?preference=whitelist_from&value=username@example.com")
                        .exampleJson("{\"blacklist_from\":[\"username2@example.com\"],\"required_score\":[5.1],\"score\":[\"ACT_NOW_CAPS 1\"],"
                                + "\"whitelist_from\":[\"username@example.com\"]}")
                        .handledBy(call -> spam.preferences(call.principal()).map(SpamAssassinModule::wire).orElse(null)),
                ApiFunction.named("update_user_preference").changesState().summary("Update SpamAssassin™ settings")
                        .description("Replaces every line of one preference in ~/.spamassassin/user_prefs with one line per value (none: removes "
                                + "them); comments and other lines stay. Preferences: " + String.join(", ", SpamPreferences.names()) + ".")
                        .param(Param.string("preference", "The preference: score, required_score, whitelist_from, blacklist_from, or another "
                                + "listed in the description.").required().example("score"))
                        .param(Param.string("value", "A value (value-0, value-1, … for several): \"TEST_NAME SCORE\" for score, a number for "
                                + "required_score, an address or pattern such as *@example.com for the lists. None: the preference is removed.")
                                .multiple().example("ACT_NOW_CAPS 5.0"))
                        .returns(preferences)
                        .exampleSetup("/execute/SpamAssassin/update_user_preference?preference=blacklist_from&value=username2@example.com",
                                "/execute/SpamAssassin/update_user_preference?preference=ok_locales&value=all",
                                "/execute/SpamAssassin/update_user_preference?preference=required_score&value=5",
                                "/execute/SpamAssassin/update_user_preference?preference=whitelist_from&value=username@example.com")
                        .exampleJson("{\"blacklist_from\":[\"username2@example.com\"],\"ok_locales\":[\"all\"],\"required_score\":[5],"
                                + "\"score\":[\"ACT_NOW_CAPS 5\"],\"whitelist_from\":[\"username@example.com\"]}")
                        .handledBy(call -> wire(spam.update(call.principal(), call.args().get("preference"), call.args().getMultiple("value")))));
    }

    /** The settings as cPanel's reference shows them: required_score's values as numbers, the others as written. */
    static Map<String, List<Object>> wire(Map<String, List<String>> settings) {
        Map<String, List<Object>> out = new TreeMap<>();
        settings.forEach((name, values) -> {
            List<Object> wired = new ArrayList<>();
            values.forEach(v -> wired.add(name.equals("required_score") ? SpamPreferences.asNumber(v) : v));
            out.put(name, wired);
        });
        return out;
    }
}
