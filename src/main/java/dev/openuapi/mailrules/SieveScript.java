package dev.openuapi.mailrules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * A mailbox's Sieve script (Dovecot Pigeonhole), made from cPanel's filters and autoresponder: the account-level
 * filters, then the mailbox's own, then the vacation reply. src/docs/mail-filters.md lists what each cPanel part,
 * match type and action becomes; what has no Sieve form is refused when a filter is stored, and left out (with a
 * comment saying why) when an older file holds it.
 */
final class SieveScript {

    /** cPanel's Dovecot namespace: the inbox is {@code INBOX}, its folders {@code INBOX.Name}. */
    static final String INBOX = "INBOX";
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern HEADER_PART = Pattern.compile("\\$(?:h|header|rh|rheader|bh|bheader)_([^:\\s]+):?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,15}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,12}[KkMmGg]?");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Whose script it is: a mailbox ({@code local@domain}); its folders are the ones a filter may save into. */
    record Target(String local, String domain) {

        String address() {
            return local + "@" + domain;
        }
    }

    /** An autoresponder as the script needs it; {@code start}/{@code stop}: epoch seconds, or {@code null} for none. */
    record Vacation(String address, String fromName, String subject, String body, boolean html, long intervalHours, Long start,
            Long stop) {
    }

    private SieveScript() {
    }

    /** Refuses, with the reason, a filter that has no Sieve form ({@code target} null: an account-level filter). */
    static void check(MailFilter filter, Target target) {
        block(filter, target, new TreeSet<>());
    }

    /** The whole script, or empty when there is nothing to do (no enabled filter and no vacation). */
    static Optional<String> render(Target target, List<MailFilter> accountLevel, List<MailFilter> own, Vacation vacation) {
        Set<String> require = new TreeSet<>();
        StringBuilder body = new StringBuilder();
        boolean any = false;
        any |= filters(body, "Account-level filter", accountLevel, target, require);
        any |= filters(body, "Filter", own, target, require);
        if (vacation != null) {
            body.append(vacation(vacation, require));
            any = true;
        }
        if (!any) {
            return Optional.empty();
        }
        StringBuilder script = new StringBuilder();
        script.append("# Written by OpenUAPI for ").append(SieveText.comment(target.address()))
                .append(" from cPanel's email filters and autoresponder.\n")
                .append("# Do not edit: OpenUAPI writes this file again whenever they change.\n");
        if (!require.isEmpty()) {
            script.append("require ").append(SieveText.list(new ArrayList<>(require))).append(";\n");
        }
        return Optional.of(script.append(body).toString());
    }

    private static boolean filters(StringBuilder out, String label, List<MailFilter> filters, Target target, Set<String> require) {
        boolean any = false;
        for (MailFilter filter : filters) {
            if (!filter.enabled()) {
                continue;
            }
            out.append("\n# ").append(label).append(": ").append(SieveText.comment(filter.filtername())).append('\n');
            Set<String> needs = new TreeSet<>();
            try {
                out.append(block(filter, target, needs));
                require.addAll(needs);
                any = true;
            } catch (ApiException unsupported) {
                out.append("# left out: ").append(SieveText.comment(unsupported.getMessage())).append('\n');
            }
        }
        return any;
    }

    private static String block(MailFilter filter, Target target, Set<String> require) {
        if (filter.rules().isEmpty()) {
            throw ApiException.invalid("The filter " + Quote.of(filter.filtername()) + " has no rules.");
        }
        if (filter.actions().isEmpty()) {
            throw ApiException.invalid("The filter " + Quote.of(filter.filtername()) + " has no actions.");
        }
        String test = condition(filter.rules(), require);
        StringBuilder out = new StringBuilder("if ").append(test).append(" {\n");
        boolean rejects = filter.actions().stream().anyMatch(a -> "fail".equalsIgnoreCase(a.action().trim()));
        for (MailFilter.Action action : filter.actions()) {
            String verb = action.action() == null ? "" : action.action().trim().toLowerCase(Locale.ROOT);
            String dest = action.dest() == null ? "" : action.dest().trim();
            switch (verb) {
                case "deliver" -> {
                    requireDest(verb, dest);
                    if (!ADDRESS.matcher(dest).matches()) {
                        throw ApiException.invalid(Quote.of(dest) + " is not a valid email address to deliver to.");
                    }
                    rejectOnly(rejects);
                    out.append("    redirect ").append(SieveText.quote(dest)).append(";\n");
                }
                case "save" -> {
                    requireDest(verb, dest);
                    if (dest.equals("/dev/null")) {
                        out.append("    discard;\n");
                    } else {
                        rejectOnly(rejects);
                        require.add("fileinto");
                        require.add("mailbox");
                        out.append("    fileinto :create ").append(SieveText.quote(folder(dest, target))).append(";\n");
                    }
                }
                case "fail" -> {
                    require.add("reject");
                    String reason = dest.isEmpty() ? "No such person at this address." : singleLine("dest", dest);
                    out.append("    reject ").append(SieveText.quote(reason)).append(";\n    stop;\n");
                }
                case "finish" -> out.append("    stop;\n");
                case "pipe" -> throw ApiException.invalid("The “pipe” action is not supported: OpenUAPI runs filters as Dovecot Sieve scripts,"
                        + " which do not run programs.");
                default -> throw ApiException.invalid(Quote.of(action.action())
                        + " is not a valid action: use deliver, save, fail or finish (pipe is not supported).");
            }
        }
        return out.append("}\n").toString();
    }

    private static void requireDest(String verb, String dest) {
        if (dest.isEmpty()) {
            throw ApiException.invalid("The “" + verb + "” action needs a destination (dest).");
        }
        singleLine("dest", dest);
    }

    private static void rejectOnly(boolean rejects) {
        if (rejects) {
            throw ApiException.invalid("A filter that fails a message (“fail”) cannot also deliver or save it.");
        }
    }

    /**
     * The Sieve folder for a {@code save} destination: a folder name ({@code Junk}, {@code INBOX.Junk}, {@code INBOX/Junk},
     * {@code .Junk}) or the path cPanel's interface sends ({@code $home/mail/<domain>/<user>/.Junk} for this mailbox,
     * {@code $home/mail/.Junk} for an account-level filter). Any other path is refused.
     */
    static String folder(String dest, Target target) {
        String rel = dest;
        if (dest.startsWith("|")) {
            throw ApiException.invalid("Piping to a program (" + Quote.of(dest) + ") is not supported.");
        }
        if (dest.startsWith("$home/mail/")) {
            rel = dest.substring("$home/mail/".length());
            String own = target == null ? null : target.domain() + "/" + target.local() + "/";
            if (own != null && rel.startsWith(own)) {
                rel = rel.substring(own.length());
            } else if (!rel.startsWith(".")) {
                throw ApiException.invalid(target == null
                        ? "An account-level filter saves into each mailbox's own folder: give a folder name such as INBOX.Junk, not "
                                + Quote.of(dest) + "."
                        : "The destination " + Quote.of(dest) + " is not a folder of " + Quote.of(target.address()) + ".");
            }
        } else if (dest.startsWith("/") || dest.startsWith("$") || dest.startsWith("~")) {
            throw ApiException.invalid("Saving to the path " + Quote.of(dest)
                    + " is not supported: give a folder of the mailbox, such as INBOX.Junk.");
        }
        while (rel.endsWith("/")) {
            rel = rel.substring(0, rel.length() - 1);
        }
        rel = rel.replace('/', '.');
        if (rel.equals(INBOX) || rel.equalsIgnoreCase("inbox")) {
            return INBOX;
        }
        if (rel.regionMatches(true, 0, "INBOX.", 0, 6)) {
            rel = rel.substring(6);
        }
        while (rel.startsWith(".")) {
            rel = rel.substring(1);
        }
        if (rel.isEmpty()) {
            return INBOX;
        }
        for (String part : rel.split("\\.", -1)) {
            if (part.isEmpty() || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '%')) {
                throw ApiException.invalid(Quote.of(dest) + " is not a valid folder name.");
            }
        }
        return INBOX + "." + rel;
    }

    /** The rules joined as Exim joins them: {@code and} binds more tightly than {@code or}. */
    private static String condition(List<MailFilter.Rule> rules, Set<String> require) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            MailFilter.Rule rule = rules.get(i);
            group.add(test(rule, require));
            if (i == rules.size() - 1) {
                break;
            }
            String opt = rule.opt() == null || rule.opt().isBlank() ? "and" : rule.opt().trim().toLowerCase(Locale.ROOT);
            switch (opt) {
                case "and" -> {
                }
                case "or" -> {
                    groups.add(group);
                    group = new ArrayList<>();
                }
                default -> throw ApiException.invalid(Quote.of(rule.opt()) + " is not a valid opt: use and or or.");
            }
        }
        groups.add(group);
        List<String> anyOf = new ArrayList<>();
        for (List<String> all : groups) {
            anyOf.add(all.size() == 1 ? all.get(0) : "allof(" + String.join(", ", all) + ")");
        }
        return anyOf.size() == 1 ? anyOf.get(0) : "anyof(" + String.join(", ", anyOf) + ")";
    }

    private enum Kind {
        HEADER, ADDRESS, BODY, SIZE, REPLY
    }

    private static String test(MailFilter.Rule rule, Set<String> require) {
        String part = rule.part() == null ? "" : rule.part().trim();
        String match = rule.match() == null ? "" : rule.match().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String val = singleLine("val", rule.val() == null ? "" : rule.val());
        Kind kind;
        List<String> headers = List.of();
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.equals("$message_body") || lower.equals("$message_body:")) {
            kind = Kind.BODY;
        } else if (lower.equals("$message_size") || lower.equals("$message_size:")) {
            kind = Kind.SIZE;
        } else if (lower.equals("$reply_address") || lower.equals("$reply_address:")) {
            kind = Kind.REPLY;
        } else if (lower.startsWith("foranyaddress") || part.contains(",")) {
            kind = Kind.ADDRESS;
            headers = headerList(part.substring(lower.startsWith("foranyaddress") ? "foranyaddress".length() : 0), part);
        } else if (lower.equals("$message_headers") || lower.equals("$message_headers:")) {
            throw ApiException.invalid("The part “$message_headers” is not supported: Sieve cannot test all headers at once;"
                    + " name one header, such as $h_X-Spam-Status:.");
        } else if (lower.equals("not delivered") || lower.equals("error_message")) {
            throw ApiException.invalid("The part " + Quote.of(part) + " is not supported: it is an Exim delivery state, not a part of the message.");
        } else {
            kind = Kind.HEADER;
            headers = List.of(headerName(part));
        }
        boolean negate = false;
        String comparison;
        String numeric = null;
        switch (match) {
            case "is" -> comparison = ":is";
            case "contains" -> comparison = ":contains";
            case "does not contain" -> {
                comparison = ":contains";
                negate = true;
            }
            case "begins" -> comparison = "begins";
            case "does not begin" -> {
                comparison = "begins";
                negate = true;
            }
            case "ends" -> comparison = "ends";
            case "does not end" -> {
                comparison = "ends";
                negate = true;
            }
            case "matches" -> comparison = ":regex";
            case "does not match" -> {
                comparison = ":regex";
                negate = true;
            }
            case "is above" -> {
                comparison = "numeric";
                numeric = "gt";
            }
            case "is not above" -> {
                comparison = "numeric";
                numeric = "le";
            }
            case "is below" -> {
                comparison = "numeric";
                numeric = "lt";
            }
            case "is not below" -> {
                comparison = "numeric";
                numeric = "ge";
            }
            default -> throw ApiException.invalid(Quote.of(rule.match()) + " is not a valid match type: use is, contains, matches, begins, ends,"
                    + " does not contain, does not match, does not begin, does not end, is above, is not above, is below or is not below.");
        }
        if (kind == Kind.SIZE) {
            if (numeric == null) {
                throw ApiException.invalid("The message size can only be compared as a number: use is above, is not above, is below or is not below.");
            }
            if (!SIZE.matcher(val).matches()) {
                throw ApiException.invalid(Quote.of(val) + " is not a size: give a whole number of bytes, optionally with K, M or G.");
            }
            return switch (numeric) {
                case "gt" -> "size :over " + val;
                case "le" -> "not size :over " + val;
                case "lt" -> "size :under " + val;
                default -> "not size :under " + val;
            };
        }
        String how;
        String key;
        if (numeric != null) {
            if (kind != Kind.HEADER) {
                throw ApiException.invalid("Only a header or the message size can be compared as a number.");
            }
            if (!NUMBER.matcher(val).matches()) {
                throw ApiException.invalid(Quote.of(val) + " is not a whole number to compare with.");
            }
            require.add("relational");
            require.add("comparator-i;ascii-numeric");
            how = ":value " + SieveText.quote(numeric) + " :comparator \"i;ascii-numeric\"";
            key = val;
        } else {
            switch (comparison) {
                case "begins" -> {
                    how = ":matches";
                    key = SieveText.literalPattern(val) + "*";
                }
                case "ends" -> {
                    how = ":matches";
                    key = "*" + SieveText.literalPattern(val);
                }
                case ":regex" -> {
                    require.add("regex");
                    how = ":regex";
                    key = posixRegex(val);
                }
                default -> {
                    how = comparison;
                    key = val;
                }
            }
        }
        String quotedKey = SieveText.quote(key);
        String positive = switch (kind) {
            case BODY -> {
                require.add("body");
                yield "body :text " + how + " " + quotedKey;
            }
            case ADDRESS -> "address :all " + how + " " + SieveText.list(headers) + " " + quotedKey;
            case REPLY -> "anyof(header " + how + " \"reply-to\" " + quotedKey + ", allof(not exists \"reply-to\", header " + how + " \"from\" "
                    + quotedKey + "))";
            default -> "header " + how + " " + SieveText.list(headers) + " " + quotedKey;
        };
        return negate ? "not " + positive : positive;
    }

    private static String headerName(String part) {
        var m = HEADER_PART.matcher(part);
        if (!m.matches() || !HEADER_NAME.matcher(m.group(1)).matches()) {
            throw ApiException.invalid(Quote.of(part) + " is not a supported part: use $header_from:, $header_subject:, $header_to:,"
                    + " $reply_address:, $message_body, $message_size, foranyaddress $h_to:,$h_cc: or $h_<header name>:.");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static List<String> headerList(String list, String part) {
        List<String> names = new ArrayList<>();
        for (String item : list.trim().split("[,\\s]+")) {
            if (!item.isEmpty()) {
                names.add(headerName(item));
            }
        }
        if (names.isEmpty()) {
            throw ApiException.invalid(Quote.of(part) + " names no header.");
        }
        return names;
    }

    /**
     * {@code matches} is a regular expression, as in Exim; Pigeonhole's {@code :regex} takes POSIX extended ones, so
     * Perl's own syntax ({@code (?…)}, lazy quantifiers, {@code \d}-style classes) is refused here rather than making the
     * whole script fail to compile.
     */
    private static String posixRegex(String val) {
        try {
            Pattern.compile(val);
        } catch (PatternSyntaxException e) {
            throw ApiException.invalid(Quote.of(val) + " is not a valid regular expression.");
        }
        if (val.contains("(?") || val.matches("(?s).*[*+?}]\\?.*") || val.matches("(?s).*\\\\[dDwWsSbBAzZQE0-9pPhHvRXkKgG].*")) {
            throw ApiException.invalid(Quote.of(val) + " uses Perl-only syntax: give a POSIX extended regular expression.");
        }
        return val;
    }

    static String singleLine(String name, String value) {
        if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw ApiException.invalid("The " + Quote.of(name) + " value must be a single line of text.");
        }
        return value;
    }

    private static String vacation(Vacation v, Set<String> require) {
        require.add("vacation");
        StringBuilder args = new StringBuilder();
        if (v.intervalHours() > 0 && v.intervalHours() % 24 == 0) {
            args.append(" :days ").append(v.intervalHours() / 24);
        } else {
            require.add("vacation-seconds");
            args.append(" :seconds ").append(v.intervalHours() * 3600);
        }
        args.append(" :subject ").append(SieveText.quote(v.subject()));
        args.append(" :from ").append(SieveText.quote(from(v.fromName(), v.address())));
        args.append(" :addresses ").append(SieveText.list(List.of(v.address())));
        String mime = "Content-Type: " + (v.html() ? "text/html" : "text/plain") + "; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + v.body();
        args.append(" :mime ").append(SieveText.quote(mime));
        String action = "vacation" + args + ";\n";
        List<String> when = new ArrayList<>();
        if (v.start() != null) {
            when.add("currentdate :zone \"+0000\" :value \"ge\" \"iso8601\" " + SieveText.quote(ISO.format(Instant.ofEpochSecond(v.start()))));
        }
        if (v.stop() != null) {
            when.add("currentdate :zone \"+0000\" :value \"lt\" \"iso8601\" " + SieveText.quote(ISO.format(Instant.ofEpochSecond(v.stop()))));
        }
        StringBuilder out = new StringBuilder("\n# Autoresponder\n");
        if (when.isEmpty()) {
            return out.append(action).toString();
        }
        require.add("date");
        require.add("relational");
        String test = when.size() == 1 ? when.get(0) : "allof(" + String.join(", ", when) + ")";
        return out.append("if ").append(test).append(" {\n    ").append(action).append("}\n").toString();
    }

    /** {@code "Name" <address>}; a name with other than printable ASCII is an RFC 2047 encoded word. */
    static String from(String name, String address) {
        if (name == null || name.isBlank()) {
            return address;
        }
        String display;
        if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            display = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        } else {
            display = "=?utf-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        }
        return display + " <" + address + ">";
    }
}
