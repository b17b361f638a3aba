package dev.openuapi.settings;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The interface locales cPanel ships and offers on its login page (the snowman test locale, hidden by
 * default, left out): their codes, English names, names in their own language and text direction. OpenUAPI's
 * answers are in English whatever the account chose; the choice is kept for the clients that read it.
 */
public final class Locales {

    /** One locale, as {@code Locale::list_locales} lists it. */
    public record Entry(String locale, String name, String localName, String direction) {

        Entry rtl() {
            return new Entry(locale, name, localName, "rtl");
        }
    }

    public static final String DEFAULT = "en";

    private static final List<Entry> ALL = List.of(
            ltr("ar", "Arabic", "العربية").rtl(),
            ltr("bg", "Bulgarian", "български"),
            ltr("cs", "Czech", "čeština"),
            ltr("da", "Danish", "dansk"),
            ltr("de", "German", "Deutsch"),
            ltr("el", "Greek", "Ελληνικά"),
            ltr("en", "English", "English"),
            ltr("es", "Spanish", "español"),
            ltr("es_419", "Latin American Spanish", "español latinoamericano"),
            ltr("es_es", "European Spanish", "español de España"),
            ltr("fi", "Finnish", "suomi"),
            ltr("fil", "Filipino", "Filipino"),
            ltr("fr", "French", "français"),
            ltr("he", "Hebrew", "עברית").rtl(),
            ltr("hu", "Hungarian", "magyar"),
            ltr("id", "Indonesian", "Bahasa Indonesia"),
            ltr("it", "Italian", "italiano"),
            ltr("ja", "Japanese", "日本語"),
            ltr("ko", "Korean", "한국어"),
            ltr("ms", "Malay", "Bahasa Melayu"),
            ltr("nb", "Norwegian Bokmål", "norsk bokmål"),
            ltr("nl", "Dutch", "Nederlands"),
            ltr("no", "Norwegian", "Norwegian"),
            ltr("pl", "Polish", "polski"),
            ltr("pt", "Portuguese", "português"),
            ltr("pt_br", "Brazilian Portuguese", "português do Brasil"),
            ltr("ro", "Romanian", "română"),
            ltr("ru", "Russian", "русский"),
            ltr("sl", "Slovenian", "slovenščina"),
            ltr("sv", "Swedish", "svenska"),
            ltr("th", "Thai", "ไทย"),
            ltr("tr", "Turkish", "Türkçe"),
            ltr("uk", "Ukrainian", "українська"),
            ltr("vi", "Vietnamese", "Tiếng Việt"),
            ltr("zh", "Chinese", "中文"),
            ltr("zh_cn", "Chinese (China)", "中文（中国）"),
            ltr("zh_tw", "Chinese (Taiwan)", "中文（台湾）"));

    private static final Map<String, Entry> BY_CODE = ALL.stream().collect(Collectors.toUnmodifiableMap(Entry::locale, Function.identity()));

    private Locales() {
    }

    public static List<Entry> all() {
        return ALL;
    }

    /** The locale with this code (cPanel's codes are lower case: {@code pt_br}), if cPanel ships it. */
    public static java.util.Optional<Entry> byCode(String code) {
        return java.util.Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    private static Entry ltr(String code, String name, String localName) {
        return new Entry(code, name, localName, "ltr");
    }
}
