package dev.openuapi.settings;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.ShapeCheck;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Locale, Themes and CacheBuster: the settings OpenUAPI keeps per account in MariaDB. Each answer's shape and
 * types are compared with cPanel's reference (api.docs.cpanel.net and the OpenAPI documents of api-evangelist/cpanel,
 * openapi/cpanel-{locale,themes,cachebuster}-api-openapi.yml), and the behaviour with cPanel's own code
 * (Cpanel::API::Locale, Cpanel::API::Themes, Cpanel::Themes::CacheBuster).
 */
@QuarkusTest
class AccountSettingsTest {

    /** Locale::get_attributes, cPanel's reference: the POD example of Cpanel::API::Locale (the defaults). */
    static final String GET_ATTRIBUTES = "{\"locale\":\"en\",\"encoding\":\"utf-8\",\"direction\":\"ltr\"}";
    /** Locale::list_locales, cPanel's reference: one row of the POD example ({local_name, direction, locale, name}). */
    static final String LIST_LOCALES = "[{\"local_name\":\"suomi\",\"direction\":\"ltr\",\"locale\":\"fi\",\"name\":\"Finnish\"}]";
    /** CacheBuster::read and update: {"cache_id": 11381138} (api.docs.cpanel.net). */
    static final String CACHE_ID = "{\"cache_id\":11381138}";

    static String call(TestAccount account, String token, String module, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/" + module + "/" + function).then().statusCode(200).extract()
                .asString();
    }

    @Test
    void theLocaleIsEnglishUntilTheAccountSetsAnother() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode answer = Uapi.success(call(alice, token, "Locale", "get_attributes", Map.of()));
        ShapeCheck.sameShape(GET_ATTRIBUTES, answer.get("data"));
        assertEquals(GET_ATTRIBUTES, answer.get("data").toString());

        Uapi.success(call(alice, token, "Locale", "set_locale", Map.of("locale", "he")));
        assertEquals("null", Uapi.success(call(alice, token, "Locale", "set_locale", Map.of("locale", "de"))).get("data").toString(),
                "set_locale returns no data (cPanel's API returns 1 without setting data)");
        assertEquals("{\"locale\":\"de\",\"name\":\"Deutsch\"}",
                Uapi.success(call(alice, token, "Locale", "get_attributes", Map.of("attributes", "locale,name"))).get("data").toString());

        // the choice is the account's own, kept across calls and tokens
        String other = alice.newToken();
        assertEquals("de", Uapi.success(call(alice, other, "Locale", "get_attributes", Map.of())).get("data").get("locale").textValue());
        TestAccount bob = newAccount();
        assertEquals("en", Uapi.success(call(bob, bob.newToken(), "Locale", "get_attributes", Map.of())).get("data").get("locale").textValue());
    }

    @Test
    void aRightToLeftLocaleSaysSo() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "Locale", "set_locale", Map.of("locale", "ar")));
        assertEquals("{\"locale\":\"ar\",\"encoding\":\"utf-8\",\"direction\":\"rtl\"}",
                Uapi.success(call(alice, token, "Locale", "get_attributes", Map.of())).get("data").toString());
    }

    /** cPanel warns about an unknown attribute and still answers the known ones (Cpanel::API::Locale, raw_warning). */
    @Test
    void anUnknownAttributeIsAWarning() {
        TestAccount alice = newAccount();
        JsonNode answer = Uapi.success(call(alice, alice.newToken(), "Locale", "get_attributes", Map.of("attributes", "colour,direction")));
        assertEquals("{\"direction\":\"ltr\"}", answer.get("data").toString());
        assertEquals("[\"Unknown attribute: colour\"]", answer.get("warnings").toString());
    }

    /** The refusals: the missing argument in the dispatcher's standard words, an unknown locale in cPanel's. */
    @Test
    void setLocaleRefusesWhatCPanelRefuses() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.failure(call(alice, token, "Locale", "set_locale", Map.of()), "Provide the “locale” argument.");
        for (String bad : List.of("xx", "EN", "de-DE", "en'; --")) {
            Uapi.failure(call(alice, token, "Locale", "set_locale", Map.of("locale", bad)),
                    "Unable to set locale, please specify a valid country code.");
        }
        assertEquals("en", Uapi.success(call(alice, token, "Locale", "get_attributes", Map.of())).get("data").get("locale").textValue());
    }

    @Test
    void listLocalesListsCPanelsLocales() {
        TestAccount alice = newAccount();
        JsonNode answer = Uapi.success(call(alice, alice.newToken(), "Locale", "list_locales", Map.of()));
        assertEquals(1, answer.get("metadata").get("transformed").intValue());
        JsonNode data = answer.get("data");
        ShapeCheck.sameShape(LIST_LOCALES, data);
        List<String> codes = new ArrayList<>();
        data.forEach(row -> codes.add(row.get("locale").textValue()));
        assertTrue(codes.containsAll(List.of("en", "de", "es_419", "pt_br", "zh_tw", "ar")), codes.toString());
        assertEquals(37, codes.size(), codes.toString());
        JsonNode taiwan = data.get(codes.indexOf("zh_tw"));
        // the POD example's row, value for value
        assertEquals("{\"locale\":\"zh_tw\",\"name\":\"Chinese (Taiwan)\",\"local_name\":\"中文（台湾）\",\"direction\":\"ltr\"}", taiwan.toString());
        assertEquals("rtl", data.get(codes.indexOf("he")).get("direction").textValue());
        // every listed locale can be set
        String token = alice.newToken();
        for (String code : codes) {
            Uapi.success(call(alice, token, "Locale", "set_locale", Map.of("locale", code)));
        }
    }

    /** Themes::list is ["jupiter"] (cPanel's example); get_theme_base answers "jupiter" for it. */
    @Test
    void themes() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode list = Uapi.success(call(alice, token, "Themes", "list", Map.of()));
        assertEquals("[\"jupiter\"]", list.get("data").toString());
        assertEquals(1, list.get("metadata").get("transformed").intValue());
        assertEquals("[\"jupiter\"]", Uapi.success(call(alice, token, "Themes", "list", Map.of("show_mail_themes", "1"))).get("data").toString());
        JsonNode base = Uapi.success(call(alice, token, "Themes", "get_theme_base", Map.of())).get("data");
        assertTrue(base.isTextual(), "data is a string, as cPanel's reference says: " + base);
        assertEquals("jupiter", base.textValue());
        Uapi.success(call(alice, token, "Themes", "update", Map.of("theme", "jupiter")));
        Uapi.failure(call(alice, token, "Themes", "update", Map.of("theme", "paper_lantern")),
                "The theme “paper_lantern” is not available. Use one of: jupiter."); // OpenUAPI's own wording
        Uapi.failure(call(alice, token, "Themes", "update", Map.of()), "Provide the “theme” argument.");
    }

    /**
     * The CacheBuster id is the Unix time of its last update (cPanel's code writes time() to ~/etc/cacheid); read
     * makes one the first time and then keeps it; update makes a new one.
     */
    @Test
    void cacheBuster() throws InterruptedException {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long before = System.currentTimeMillis() / 1000;
        JsonNode first = Uapi.success(call(alice, token, "CacheBuster", "read", Map.of())).get("data");
        ShapeCheck.sameShape(CACHE_ID, first);
        assertTrue(first.get("cache_id").isIntegralNumber(), first.toString());
        long id = first.get("cache_id").longValue();
        assertTrue(id >= before && id <= System.currentTimeMillis() / 1000, "the time of the first read: " + id);
        Thread.sleep(1100);
        assertEquals(id, Uapi.success(call(alice, token, "CacheBuster", "read", Map.of())).get("data").get("cache_id").longValue(),
                "read keeps the id");
        JsonNode updated = Uapi.success(call(alice, token, "CacheBuster", "update", Map.of())).get("data");
        ShapeCheck.sameShape(CACHE_ID, updated);
        assertTrue(updated.get("cache_id").longValue() > id, "update makes a later id: " + updated);
        assertEquals(updated.get("cache_id").longValue(),
                Uapi.success(call(alice, token, "CacheBuster", "read", Map.of())).get("data").get("cache_id").longValue());
        TestAccount bob = newAccount();
        String bobToken = bob.newToken();
        Thread.sleep(1100);
        long bobs = Uapi.success(call(bob, bobToken, "CacheBuster", "read", Map.of())).get("data").get("cache_id").longValue();
        assertTrue(bobs > updated.get("cache_id").longValue(), "each account has its own id");
    }
}
