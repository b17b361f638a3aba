package dev.openuapi.mailrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.email.EmailFunctions;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Email} filters (cPanel's "Email Filters" and "Global Email Filters"), which Dovecot runs as Sieve
 * (src/docs/mail-filters.md). Argument names, rows and the numbered {@code action1}/{@code part1}/… arguments follow
 * cPanel's reference for Email::list_filters, get_filter, store_filter, delete_filter and reorder_filters.
 */
@ApplicationScoped
public class MailFiltersModule implements EmailFunctions {

    /** cPanel's feature for email filters, on top of the Email module's popaccts. */
    public static final String FEATURE = "blockers";
    /** cPanel's limit on numbered rule and action sets in one filter. */
    static final int MAX_SETS = 4096;
    private static final Pattern NUMBERED = Pattern.compile("(action|dest|part|match|val|opt)([0-9]*)");
    private static final Pattern FILTER_N = Pattern.compile("filter([0-9]+)");

    private final MailRulesService rules;

    MailFiltersModule(MailRulesService rules) {
        this.rules = rules;
    }

    @Override
    public List<ApiFunction> functions() {
        Param account = Param.string("account",
                "The mailbox (user@domain) whose filters these are; left out, or the cPanel username: the account-level filters, which apply to every mailbox.")
                .example("user@example.com");
        Param filtername = Param.string("filtername", "The filter's name.").required().example("coffee");
        // The examples' mailbox and its filter "coffee" (cPanel's reference: Email::list_filters, get_filter, store_filter).
        String[] mailboxWithFilter = {"/execute/Email/add_pop?email=user&domain=example.com&password=123456luggage",
                "/execute/Email/store_filter?account=user@example.com&filtername=coffee&action1=save&dest1=/dev/null"
                        + "&part1=$message_body&match1=contains&val1=coconut&opt1=or"};
        return List.of(
                ApiFunction.named("list_filters").readsOnly().feature(FEATURE).summary("Return account-level email filters")
                        .description("A mailbox's filters, or the account-level ones when account is left out.").param(account)
                        .exampleSetup(mailboxWithFilter)
                        .returns(Shape.arrayOf("The filters, in the order they run.", Shape.of(MailRulesRows.ListedFilter.class)))
                        .exampleJson("[{\"actions\":[{\"action\":\"save\",\"dest\":\"/dev/null\"}],\"enabled\":1,\"filtername\":\"coffee\","
                                + "\"rules\":[{\"match\":\"contains\",\"opt\":\"or\",\"part\":\"$message_body\",\"val\":\"coconut\"}],\"unescaped\":true}]")
                        .handledBy(call -> rules.listFilters(call.principal(), call.args().get("account")).stream()
                                .map(MailRulesRows.ListedFilter::of).toList()),
                ApiFunction.named("get_filter").readsOnly().feature(FEATURE).summary("Return email filter's information").param(account)
                        .param(filtername)
                        .exampleSetup(mailboxWithFilter)
                        .returns(Shape.of(MailRulesRows.Filter.class))
                        .exampleJson("{\"actions\":[{\"action\":\"save\",\"dest\":\"/dev/null\",\"number\":1}],\"filtername\":\"coffee\","
                                + "\"rules\":[{\"match\":\"contains\",\"number\":1,\"opt\":\"or\",\"part\":\"$message_body\",\"val\":\"coconut\"}]}")
                        .handledBy(call -> MailRulesRows.Filter.of(rules.getFilter(call.principal(), call.args().get("account"),
                                call.args().get("filtername")))),
                ApiFunction.named("store_filter").changesState().feature(FEATURE).summary("Create email filter")
                        .description("Numbered sets: action1/dest1, part1/match1/val1/opt1, action2/…, up to 4,096. A filter with the name"
                                + " (or oldfiltername) is replaced in place; a new one goes last. Actions and conditions without a Sieve form"
                                + " (pipe, $message_headers, …) are refused.")
                        .param(account).param(filtername)
                        .param(Param.string("oldfiltername", "The name of the filter to rename and replace.").example("coffee"))
                        .param(Param.string("action1", "deliver (dest: an address), save (dest: a folder, or /dev/null to discard), fail"
                                + " (dest: the message) or finish; action without a number is action1.").example("save"))
                        .param(Param.string("dest1", "The destination of action1.").example("INBOX.Junk"))
                        .param(Param.string("part1", "The section: $header_from:, $header_subject:, $header_to:, $reply_address:,"
                                + " $message_body, $message_size, $h_<header>:, foranyaddress $h_to:,$h_cc:.").example("$header_subject:"))
                        .param(Param.string("match1", "is, contains, matches (regex), begins, ends, does not contain, does not match,"
                                + " does not begin, does not end, is above, is not above, is below, is not below.").example("contains"))
                        .param(Param.string("val1", "The value to match.").example("coconut"))
                        .param(Param.string("opt1", "and (the default) or or: how rule 1 joins rule 2.").example("or"))
                        .returns(Shape.of(MailRulesRows.Stored.class)).exampleJson("{\"account\":\"user@example.com\"}")
                        .exampleSetup(mailboxWithFilter)
                        .handledBy(this::store),
                ApiFunction.named("delete_filter").changesState().feature(FEATURE).summary("Delete email account's email filter").param(account)
                        .param(filtername)
                        .example(null).exampleSetup(mailboxWithFilter)
                        .doing(call -> rules.deleteFilter(call.principal(), call.args().get("account"), call.args().get("filtername"))),
                ApiFunction.named("reorder_filters").changesState().feature(FEATURE).summary("Update email address's email filter order")
                        .description("filter1, filter2, …: the filters in their new order; those not named follow in their old order.")
                        .param(Param.string("mailbox", "The mailbox, or the cPanel username for the account-level filters.").required()
                                .example("user@example.com"))
                        .param(Param.string("filter1", "The filter to run first (then filter2, …).").required().example("coffee"))
                        .example(null).exampleSetup(mailboxWithFilter)
                        .doing(call -> rules.reorderFilters(call.principal(), call.args().get("mailbox"), order(call.args()))));
    }

    private MailRulesRows.Stored store(Call call) {
        Args args = call.args();
        Map<Integer, Map<String, String>> sets = new TreeMap<>();
        for (Map.Entry<String, String> entry : args.asMap().entrySet()) {
            Matcher m = NUMBERED.matcher(entry.getKey());
            if (!m.matches()) {
                continue;
            }
            int index;
            if (m.group(2).isEmpty()) {
                index = 1; // the reference's examples also send action, part, match and val without a number
                if (args.has(m.group(1) + "1")) {
                    throw ApiException.invalid("Give either " + Quote.of(m.group(1)) + " or " + Quote.of(m.group(1) + "1") + ", not both.");
                }
            } else {
                if (m.group(2).length() > 4 || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > MAX_SETS) {
                    throw ApiException.invalid("The argument " + Quote.of(entry.getKey()) + " is not numbered from 1 to " + MAX_SETS + ".");
                }
                index = Integer.parseInt(m.group(2));
            }
            sets.computeIfAbsent(index, i -> new TreeMap<>()).put(m.group(1), entry.getValue() == null ? "" : entry.getValue());
        }
        List<MailFilter.Rule> ruleList = new ArrayList<>();
        List<MailFilter.Action> actionList = new ArrayList<>();
        int expected = 1;
        boolean rulesEnded = false;
        boolean actionsEnded = false;
        for (Map.Entry<Integer, Map<String, String>> set : sets.entrySet()) {
            int n = set.getKey();
            if (n != expected) {
                throw ApiException.invalid("The numbered arguments skip from " + (expected - 1) + " to " + n + ": number them 1, 2, 3, …");
            }
            expected++;
            Map<String, String> v = set.getValue();
            boolean hasRule = v.containsKey("part") || v.containsKey("match") || v.containsKey("val") || v.containsKey("opt");
            if (hasRule) {
                for (String name : List.of("part", "match", "val")) {
                    if (!v.containsKey(name)) {
                        throw ApiException.invalid("Provide the " + Quote.of(name + n) + " argument.");
                    }
                }
                if (rulesEnded) {
                    throw ApiException.invalid("The rule " + n + " follows a number without a rule.");
                }
                ruleList.add(new MailFilter.Rule(v.get("part"), v.get("match"), v.get("val"), v.getOrDefault("opt", "and")));
            } else {
                rulesEnded = true;
            }
            if (v.containsKey("action")) {
                if (actionsEnded) {
                    throw ApiException.invalid("The action " + n + " follows a number without an action.");
                }
                actionList.add(new MailFilter.Action(v.get("action"), v.containsKey("dest") ? v.get("dest") : null));
            } else {
                if (v.containsKey("dest")) {
                    throw ApiException.invalid("The argument " + Quote.of("dest" + n) + " has no " + Quote.of("action" + n) + ".");
                }
                actionsEnded = true;
            }
        }
        if (ruleList.isEmpty()) {
            throw ApiException.invalid("Provide the “part1”, “match1” and “val1” arguments.");
        }
        if (actionList.isEmpty()) {
            throw ApiException.invalid("Provide the “action1” argument.");
        }
        String account = rules.storeFilter(call.principal(), args.get("account"), args.get("filtername"), args.get("oldfiltername"), ruleList,
                actionList);
        return new MailRulesRows.Stored(account);
    }

    private static List<String> order(Args args) {
        Map<Integer, String> named = new TreeMap<>();
        for (Map.Entry<String, String> entry : args.asMap().entrySet()) {
            Matcher m = FILTER_N.matcher(entry.getKey());
            if (m.matches() && entry.getValue() != null && !entry.getValue().isEmpty()) {
                if (m.group(1).length() > 4) {
                    throw ApiException.invalid("The argument " + Quote.of(entry.getKey()) + " is not numbered from 1 to " + MAX_SETS + ".");
                }
                named.put(Integer.parseInt(m.group(1)), entry.getValue());
            }
        }
        return new ArrayList<>(named.values());
    }
}
