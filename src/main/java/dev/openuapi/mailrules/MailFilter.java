package dev.openuapi.mailrules;

import java.util.List;

/**
 * One cPanel email filter as {@code filter.yaml} keeps it (Cpanel::Email::Filter): its name, whether it is enabled, its
 * rules (conditions joined by each rule's {@code opt}) and its actions, in order.
 */
public record MailFilter(String filtername, boolean enabled, List<Rule> rules, List<Action> actions) {

    public MailFilter {
        rules = List.copyOf(rules);
        actions = List.copyOf(actions);
    }

    /** A condition: {@code part} (the message section, Exim's names), {@code match}, {@code val}, and {@code opt} (and/or) to the next rule. */
    public record Rule(String part, String match, String val, String opt) {
    }

    /** An action: {@code deliver}, {@code save}, {@code fail}, {@code finish} or {@code pipe}, with its destination when it has one. */
    public record Action(String action, String dest) {
    }

    public MailFilter withEnabled(boolean on) {
        return new MailFilter(filtername, on, rules, actions);
    }
}
