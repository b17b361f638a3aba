package dev.openuapi.spam;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * The preferences {@code SpamAssassin::update_user_preference} may set, and the check of their values. cPanel's
 * reference names {@code score}, {@code required_score}, {@code whitelist_from} and {@code blacklist_from} and allows
 * "a custom SpamAssassin variable"; OpenUAPI takes, besides those four, only user preferences of
 * {@code Mail::SpamAssassin::Conf} whose values it can check, so that what it writes always passes
 * {@code spamassassin --lint}. A value may hold no control character and no {@code #} (SpamAssassin reads the rest of
 * the line as a comment).
 */
final class SpamPreferences {

    /** Cpanel::Validate::Number::rational_number. */
    private static final Pattern RATIONAL = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+");
    /** A rule's symbolic name; names starting with {@code __} are sub-rules, which cPanel does not list or take. */
    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** An address or a glob of addresses ({@code *@example.com}, {@code ?ob@example.com}), one per value. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@#]+@[^\\s@#]+");
    private static final Pattern HEADER_TEXT = Pattern.compile("(?i)(subject|from|to)(\\s+\\S.*)?");
    private static final Pattern LOCALES = Pattern.compile("all|[a-z]{2}( [a-z]{2})*");

    private enum Kind {
        SCORE, NUMBER, ADDRESSES, BOOLEAN, REPORT_SAFE, REWRITE_HEADER, LOCALES
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("score", Kind.SCORE);
        KINDS.put("required_score", Kind.NUMBER);
        for (String list : List.of("whitelist_from", "blacklist_from", "unwhitelist_from", "unblacklist_from", "whitelist_to", "blacklist_to",
                "welcomelist_from", "blocklist_from", "unwelcomelist_from", "unblocklist_from", "welcomelist_to", "blocklist_to",
                "more_spam_to", "all_spam_to")) {
            KINDS.put(list, Kind.ADDRESSES);
        }
        KINDS.put("rewrite_header", Kind.REWRITE_HEADER);
        KINDS.put("report_safe", Kind.REPORT_SAFE);
        KINDS.put("ok_locales", Kind.LOCALES);
        KINDS.put("use_bayes", Kind.BOOLEAN);
        KINDS.put("bayes_auto_learn", Kind.BOOLEAN);
        KINDS.put("skip_rbl_checks", Kind.BOOLEAN);
    }

    private SpamPreferences() {
    }

    static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /**
     * The lines' values to write for {@code preference}, checked ({@code values} trimmed, as cPanel trims them; a score
     * reduced as cPanel reduces it, {@code 7.0} to {@code 7}). No values: the preference is removed.
     */
    static List<String> check(String preference, List<String> given) {
        Kind kind = KINDS.get(preference);
        if (kind == null) {
            throw ApiException.invalid("The " + Quote.of("preference") + " argument may only have a value of " + orList(names()) + ".");
        }
        List<String> values = new ArrayList<>();
        for (String value : given) {
            values.add(value.strip());
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            return List.of(); // value= with nothing: remove, as a call without a value does
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            if (value.isEmpty()) {
                throw ApiException.invalid("The " + Quote.of("value") + " arguments for " + Quote.of(preference) + " cannot be empty.");
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '#')) {
                throw ApiException.invalid("The value " + Quote.of(value) + " for " + Quote.of(preference)
                        + " cannot contain control characters or “#”.");
            }
            checked.add(switch (kind) {
                case SCORE -> score(preference, value);
                case NUMBER -> number(preference, value);
                case ADDRESSES -> address(preference, value);
                case BOOLEAN -> oneOf(preference, value, List.of("0", "1"));
                case REPORT_SAFE -> oneOf(preference, value, List.of("0", "1", "2"));
                case REWRITE_HEADER -> matching(preference, value, HEADER_TEXT, "Give a header (Subject, From or To) and the text to put in it.");
                case LOCALES -> matching(preference, value, LOCALES, "Give “all” or two-letter locale codes separated by spaces.");
            });
        }
        if (checked.size() > 1 && kind != Kind.SCORE && kind != Kind.ADDRESSES && kind != Kind.REWRITE_HEADER) {
            throw ApiException.invalid("The " + Quote.of(preference) + " preference takes one value.");
        }
        return checked;
    }

    /** Cpanel::API::SpamAssassin::update_user_preference's checks of a {@code score} value, with its messages. */
    private static String score(String preference, String value) {
        String[] parts = value.split("\\s+", 2);
        String name = parts[0];
        String score = parts.length > 1 ? parts[1] : "";
        if (name.isEmpty()) {
            throw ApiException.invalid(Quote.of(value) + " is not a valid " + Quote.of(preference)
                    + " value. You must provide a SYMBOLIC_TEST_NAME.");
        }
        if (!TEST_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw ApiException.invalid(Quote.of(name) + " is not a valid SYMBOLIC_TEST_NAME for the " + Quote.of(preference) + " value.");
        }
        if (!RATIONAL.matcher(score).matches()) {
            throw ApiException.invalid("The value for " + Quote.of(name) + " (" + Quote.cut(score) + ") is invalid. (" + Quote.of(score)
                    + " is not a valid rational number.)");
        }
        return name + " " + reduced(score);
    }

    private static String number(String preference, String value) {
        if (!RATIONAL.matcher(value).matches()) {
            throw ApiException.invalid("The value for " + Quote.of(preference) + " (" + Quote.cut(value) + ") is invalid. (" + Quote.of(value)
                    + " is not a valid rational number.)");
        }
        return value;
    }

    private static String address(String preference, String value) {
        if (!ADDRESS.matcher(value).matches()) {
            throw ApiException.invalid(Quote.of(value) + " is not a valid " + Quote.of(preference)
                    + " value. You must provide one email address, or a pattern such as “*@example.com”.");
        }
        return value;
    }

    private static String oneOf(String preference, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.invalid("The " + Quote.of(preference) + " preference may only have a value of " + orList(allowed) + ".");
        }
        return value;
    }

    private static String matching(String preference, String value, Pattern pattern, String hint) {
        if (!pattern.matcher(value).matches()) {
            throw ApiException.invalid(Quote.of(value) + " is not a valid " + Quote.of(preference) + " value. " + hint);
        }
        return value;
    }

    /** Perl's {@code $score += 0}: {@code 7.0} is {@code 7}, {@code +.50} is {@code 0.5} (15 significant digits). */
    static String reduced(String rational) {
        BigDecimal n = new BigDecimal(rational.startsWith("+") ? rational.substring(1) : rational).round(new MathContext(15));
        if (n.signum() == 0) {
            return "0";
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** A number written in the file, as the JSON number cPanel's reference shows; otherwise the text as it is. */
    static Object asNumber(String value) {
        if (!RATIONAL.matcher(value).matches()) {
            return value;
        }
        BigDecimal n = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros().scale() <= 0 ? n.toBigIntegerExact() : n.stripTrailingZeros();
    }

    /** cPanel's {@code [list_or_quoted,…]}: “a”, “b”, or “c”. */
    private static String orList(List<String> values) {
        List<String> quoted = values.stream().map(Quote::of).toList();
        if (quoted.size() == 2) {
            return quoted.get(0) + " or " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", or " + quoted.get(quoted.size() - 1);
    }
}
