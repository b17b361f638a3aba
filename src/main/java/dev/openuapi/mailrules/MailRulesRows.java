package dev.openuapi.mailrules;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of the filter and autoresponder answers, with the keys and order of cPanel's reference (api.docs.cpanel.net,
 * Email list_filters, get_filter, store_filter, get_auto_responder, list_auto_responders).
 */
final class MailRulesRows {

    private MailRulesRows() {
    }

    @RegisterForReflection
    @Schema(description = "An action.")
    record Action(@Schema(description = "deliver, save, fail, finish or pipe.") String action,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Its destination: an address, a folder, or a failure message.") String dest) {
    }

    @RegisterForReflection
    @Schema(description = "A condition.")
    record Rule(@Schema(description = "The match type, such as contains.") String match,
            @Schema(description = "and or or: how it joins the next rule.") String opt,
            @Schema(description = "The message section, such as $header_subject:.") String part,
            @Schema(description = "The value matched.") String val) {
    }

    /** Email::list_filters: one filter. */
    @RegisterForReflection
    @Schema(description = "A filter.")
    record ListedFilter(@Schema(description = "Its actions, in order.") List<Action> actions,
            @Schema(description = "1 when enabled, 0 when not.") int enabled, @Schema(description = "Its name.") String filtername,
            @Schema(description = "Its rules, in order.") List<Rule> rules,
            @Schema(description = "Deprecated by cPanel: always true (values are stored as given).") boolean unescaped) {

        static ListedFilter of(MailFilter f) {
            return new ListedFilter(f.actions().stream().map(a -> new Action(a.action(), a.dest())).toList(), f.enabled() ? 1 : 0,
                    f.filtername(), f.rules().stream().map(r -> new Rule(r.match(), r.opt(), r.part(), r.val())).toList(), true);
        }
    }

    @RegisterForReflection
    @Schema(description = "An action and its position.")
    record NumberedAction(@Schema(description = "deliver, save, fail, finish or pipe.") String action,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Its destination.") String dest,
            @Schema(description = "Its position, from 1.") int number) {
    }

    @RegisterForReflection
    @Schema(description = "A rule and its position.")
    record NumberedRule(@Schema(description = "The match type.") String match, @Schema(description = "Its position, from 1.") int number,
            @Schema(description = "and or or.") String opt, @Schema(description = "The message section.") String part,
            @Schema(description = "The value matched.") String val) {
    }

    /** Email::get_filter. */
    @RegisterForReflection
    @Schema(description = "A filter.")
    record Filter(@Schema(description = "Its actions.") List<NumberedAction> actions, @Schema(description = "Its name.") String filtername,
            @Schema(description = "Its rules.") List<NumberedRule> rules) {

        static Filter of(MailFilter f) {
            List<NumberedAction> actions = new ArrayList<>();
            for (MailFilter.Action a : f.actions()) {
                actions.add(new NumberedAction(a.action(), a.dest(), actions.size() + 1));
            }
            List<NumberedRule> rules = new ArrayList<>();
            for (MailFilter.Rule r : f.rules()) {
                rules.add(new NumberedRule(r.match(), rules.size() + 1, r.opt(), r.part(), r.val()));
            }
            return new Filter(actions, f.filtername(), rules);
        }
    }

    /** Email::store_filter: the mailbox, only for a mailbox's filter. */
    @RegisterForReflection
    @Schema(description = "What was stored.")
    record Stored(@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The mailbox, for a mailbox's filter only.") String account) {
    }

    /** Email::get_auto_responder. */
    @RegisterForReflection
    @Schema(description = "An autoresponder.")
    record Responder(@Schema(description = "The message body.") String body, @Schema(description = "Its character set.") String charset,
            @Schema(description = "The From name.") String from, @Schema(description = "Hours between two replies to one sender.") long interval,
            @Schema(description = "1: the body is HTML.") @JsonProperty("is_html") int isHtml,
            @Schema(description = "When it starts (epoch), or null.", nullable = true) Long start,
            @Schema(description = "When it stops (epoch), or null.", nullable = true) Long stop,
            @Schema(description = "The subject.") String subject) {

        static Responder of(AutoResponder r) {
            return new Responder(r.body(), r.charset(), r.from(), r.interval(), r.html() ? 1 : 0, r.start(), r.stop(), r.subject());
        }
    }

    /** Email::list_auto_responders. */
    @RegisterForReflection
    @Schema(description = "An autoresponder.")
    record ListedResponder(@Schema(description = "Its address.") String email, @Schema(description = "Its subject.") String subject) {
    }
}
