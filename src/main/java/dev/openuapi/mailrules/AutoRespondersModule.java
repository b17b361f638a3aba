package dev.openuapi.mailrules;

import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.email.EmailFunctions;
import dev.openuapi.common.Regexes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Email} autoresponders, which Dovecot sends as Sieve vacation replies (src/docs/mail-filters.md). Argument
 * names and rows follow cPanel's reference for Email::add_auto_responder, get_auto_responder, list_auto_responders and
 * delete_auto_responder.
 */
@ApplicationScoped
public class AutoRespondersModule implements EmailFunctions {

    /** cPanel's feature for autoresponders, on top of the Email module's popaccts. */
    public static final String FEATURE = "autoresponders";

    private final MailRulesService rules;

    AutoRespondersModule(MailRulesService rules) {
        this.rules = rules;
    }

    @Override
    public List<ApiFunction> functions() {
        // The examples' mailbox and its autoresponder, with the values of cPanel's reference (Email::add_auto_responder).
        String addUser = "/execute/Email/add_pop?email=user&domain=example.com&password=123456luggage";
        String addResponder = "/execute/Email/add_auto_responder?email=user&domain=example.com&from=User%20Name"
                + "&subject=Autoresponder%20Subject&body=This%20is%20an%20autoresponder%20message.&is_html=1&interval=24"
                + "&start=1410277881&stop=1410300000";
        return List.of(
                ApiFunction.named("add_auto_responder").changesState().feature(FEATURE).summary("Create email account's autoresponder")
                        .description("Creates or replaces the autoresponder of one of the account's mailboxes.")
                        .param(Param.string("email", "The mailbox's user (the part before the @), or its whole address.").required().example("user"))
                        .param(Param.of("domain", ParamType.DOMAIN, "The mailbox's domain.").required().example("example.com"))
                        .param(Param.string("from", "The From name of the reply.").required().example("User Name"))
                        .param(Param.string("subject", "The reply's subject.").required().example("Autoresponder Subject"))
                        .param(Param.string("body", "The reply's body.").required().example("This is an autoresponder message."))
                        .param(Param.of("is_html", ParamType.BOOLEAN, "1: the body is HTML.").required().example("0"))
                        .param(Param.of("interval", ParamType.INTEGER, "Hours between two replies to one sender; 0: reply to every message.")
                                .required().example("24"))
                        .param(Param.of("start", ParamType.EPOCH, "When it starts (epoch seconds); left out or empty: at once.").example("1410277881"))
                        .param(Param.of("stop", ParamType.EPOCH, "When it stops (epoch seconds, after start); left out or empty: never.")
                                .example("1410300000"))
                        .param(Param.string("charset", "The character set: utf-8 (the default and the only one).").example("utf-8"))
                        .example(null).exampleSetup(addUser).doing(call -> {
                            Args args = call.args();
                            rules.addAutoResponder(call.principal(), args.get("email"), args.get("domain"), args.get("from"), args.get("subject"),
                                    args.get("body"), args.isTrue("is_html"), args.get("charset"), number(args, "interval", false),
                                    epoch(args, "start"), epoch(args, "stop"));
                        }),
                ApiFunction.named("get_auto_responder").readsOnly().feature(FEATURE).summary("Return email account's autoresponder information")
                        .param(Param.string("email", "The mailbox's address (or its user on the main domain).").required().example("user@example.com"))
                        .param(Param.string("temp_charset", "The character set to answer in: utf-8 (the only one).").example("utf-8"))
                        .returns(Shape.of(MailRulesRows.Responder.class)).exampleSetup(addUser, addResponder)
                        .exampleJson("{\"body\":\"This is an autoresponder message.\",\"charset\":\"UTF-8\",\"from\":\"User Name\",\"interval\":24,"
                                + "\"is_html\":1,\"start\":1410277881,\"stop\":1410300000,\"subject\":\"Autoresponder Subject\"}")
                        .handledBy(call -> {
                            String charset = call.args().get("temp_charset");
                            if (charset != null && !charset.isEmpty() && !charset.matches("(?i)utf-?8")) {
                                throw ApiException.invalid("The character set " + Quote.of(charset) + " is not supported: use utf-8.");
                            }
                            return MailRulesRows.Responder.of(rules.getAutoResponder(call.principal(), call.args().get("email")));
                        }),
                ApiFunction.named("list_auto_responders").readsOnly().feature(FEATURE).summary("Return domain's autoresponders")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required().example("example.com"))
                        .param(Param.string("regex", "Only the addresses that match this regular expression.").example("user"))
                        .exampleSetup(addUser, addResponder)
                        .returns(Shape.arrayOf("The autoresponders.", Shape.of(MailRulesRows.ListedResponder.class)))
                        .exampleJson("[{\"email\":\"user@example.com\",\"subject\":\"Autoresponder Subject\"}]")
                        .handledBy(call -> {
                            Predicate<String> regex = Regexes.filter(call.args().get("regex"), false);
                            return rules.listAutoResponders(call.principal(), call.args().get("domain")).stream().filter(r -> regex.test(r.email()))
                                    .map(r -> new MailRulesRows.ListedResponder(r.email(), r.subject())).toList();
                        }),
                ApiFunction.named("delete_auto_responder").changesState().feature(FEATURE).summary("Delete email account's autoresponder")
                        .param(Param.string("email", "The mailbox's address.").required().example("user@example.com"))
                        .example(null).exampleSetup(addUser, addResponder)
                        .doing(call -> rules.deleteAutoResponder(call.principal(), call.args().get("email"))));
    }

    private static Long epoch(Args args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return number(args, name, true);
    }

    private static long number(Args args, String name, boolean epoch) {
        String value = args.get(name).trim();
        if (!value.matches("[0-9]{1,12}")) {
            throw ApiException.invalid("The " + Quote.of(name) + " argument must be a whole number" + (epoch ? " of seconds since the epoch." : " of hours."));
        }
        return Long.parseLong(value);
    }
}
