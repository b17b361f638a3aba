package dev.openuapi.email;

import java.util.ArrayList;
import dev.openuapi.kernel.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Html;
import dev.openuapi.common.Regexes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Email} (spec §9.1 rows 6-14, suspensions) and its API 2 forms with {@code [{result,reason}]} rows. */
@ApplicationScoped
public class EmailModule implements ApiModule {

    public static final String FEATURE = "popaccts";
    private static final double MIB = 1024.0 * 1024.0;

    private final EmailService email;

    EmailModule(EmailService email) {
        this.email = email;
    }

    @Override
    public String name() {
        return "Email";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        Param address = Param.string("email", "The mailbox: user@domain, or user with domain.").required().example("info");
        Param domain = Param.of("domain", ParamType.DOMAIN, "The domain; the main domain when left out.");
        Param password = Param.of("password", ParamType.PASSWORD, "The password (8 characters or more).");
        Param quota = Param.of("quota", ParamType.INTEGER, "MB; 0 or unlimited for none.");
        Param regex = Param.string("regex", "Only addresses matching this regular expression.");
        Shape pop = Shape.object("A mailbox.").field("email", Shape.string("The address (the bare username for the main account)."))
                .field("login", Shape.string("The login; Main Account for the account itself."))
                .field("suspended_incoming", Shape.integer("1 or 0.")).field("suspended_login", Shape.integer("1 or 0.")).build();
        Shape result = Shape.arrayOf("One element.", Shape.object("The outcome.").field("result", Shape.integer("1 or 0."))
                .field("reason", Shape.string("Why not, or OK.")).build());
        List<ApiFunction> functions = new ArrayList<>(List.of(
                ApiFunction.named("list_pops").summary("List the mailboxes").param(regex)
                        .param(Param.of("skip_main", ParamType.BOOLEAN, "1: leave out the main account."))
                        .returns(Shape.arrayOf("The mailboxes.", pop)).handledBy(this::listPops),
                ApiFunction.named("list_pops_with_disk").summary("List the mailboxes with their disk use and quota").param(regex)
                        .param(domain).param(Param.string("email", "Only this local part.")).returns(Shape.arrayOf("The mailboxes.",
                                Shape.object("A mailbox with disk figures (MB).").build()))
                        .handledBy(this::listPopsWithDisk),
                ApiFunction.named("add_pop").summary("Create a mailbox").param(address).param(password)
                        .param(Param.string("password_hash", "Instead of password: a SHA512-CRYPT hash.")).param(domain).param(quota)
                        .param(Param.of("send_welcome_email", ParamType.BOOLEAN, "Ignored: OpenUAPI sends no mail."))
                        .returns(Shape.string("user+domain, as cPanel answers."))
                        .handledBy(call -> {
                            Mailbox box = email.add(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                    call.args().get("password"), call.args().get("password_hash"), call.args().get("quota"));
                            return box.email.replace('@', '+');
                        }),
                ApiFunction.named("delete_pop").summary("Delete a mailbox").param(address).param(domain)
                        .doing(call -> email.delete(call.principal().accountId(), call.args().get("email"), call.args().get("domain"))),
                ApiFunction.named("passwd_pop").summary("Change a mailbox's password").param(address)
                        .param(Param.of("password", ParamType.PASSWORD, "The new password.").required()).param(domain)
                        .doing(call -> email.passwd(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                call.args().get("password"))),
                ApiFunction.named("edit_pop_quota").summary("Change a mailbox's quota").param(address).param(domain).param(quota)
                        .doing(call -> email.setQuota(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                call.args().get("quota"))),
                ApiFunction.named("get_pop_quota").summary("Return a mailbox's quota").param(address).param(domain)
                        .returns(Shape.string("MB, or unlimited."))
                        .handledBy(call -> {
                            Long mb = email.get(call.principal().accountId(), call.args().get("email"), call.args().get("domain")).quotaMb;
                            return mb == null ? "unlimited" : (Object) mb;
                        }),
                ApiFunction.named("list_forwarders").summary("List the forwarders").param(domain).param(regex)
                        .returns(Shape.arrayOf("The forwarders.", Shape.object("A forwarder.")
                                .field("dest", Shape.string("The forwarded address.")).field("forward", Shape.string("Where it goes."))
                                .build()))
                        .handledBy(this::listForwarders),
                ApiFunction.named("add_forwarder").summary("Add a forwarder")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required())
                        .param(Param.string("email", "The address to forward (local part or full).").required())
                        .param(Param.string("fwdopt", "fwd, fail, blackhole or pipe.").required().example("fwd"))
                        .param(Param.string("fwdemail", "fwd: the destination address."))
                        .param(Param.string("failmsgs", "fail: the message returned to the sender."))
                        .param(Param.string("pipefwd", "pipe: a program relative to the home directory."))
                        .returns(Shape.arrayOf("The new forwarder.", Shape.object("A forwarder.").build()))
                        .handledBy(this::addForwarder),
                ApiFunction.named("delete_forwarder").summary("Delete a forwarder")
                        .param(Param.string("address", "The forwarded address.").required())
                        .param(Param.string("forwarder", "Its destination, as list_forwarders shows it.").required())
                        .doing(call -> {
                            if (!email.deleteForwarder(call.principal().accountId(), call.args().get("address"), call.args().get("forwarder"))) {
                                throw ApiException.notFound("The forwarder does not exist.");
                            }
                        })));
        functions.addAll(List.of(
                suspension("suspend_login", "Stop a mailbox from logging in", address, box -> box.suspendedLogin = true),
                suspension("unsuspend_login", "Let a mailbox log in again", address, box -> box.suspendedLogin = false),
                suspension("suspend_incoming", "Refuse mail to a mailbox", address, box -> box.suspendedIncoming = true),
                suspension("unsuspend_incoming", "Accept mail to a mailbox again", address, box -> box.suspendedIncoming = false),
                suspension("suspend_outgoing", "Stop a mailbox from sending", address, box -> box.suspendedOutgoing = true),
                suspension("unsuspend_outgoing", "Let a mailbox send again", address, box -> box.suspendedOutgoing = false)));
        functions.addAll(List.of(
                ApiFunction.named("listpops").api2().summary("List the mailboxes (API 2)").param(regex)
                        .returns(Shape.arrayOf("The mailboxes.", pop)).handledBy(this::listPops),
                ApiFunction.named("listpopswithdisk").api2().summary("List the mailboxes with disk use (API 2)").param(regex).param(domain)
                        .returns(Shape.arrayOf("The mailboxes.", Shape.object("A mailbox.").build())).handledBy(this::listPopsWithDisk),
                ApiFunction.named("addpop").api2().summary("Create a mailbox (API 2)").param(address).param(password).param(domain)
                        .param(quota).returns(result)
                        .handledBy(call -> api2(call, "", () -> email.add(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("password"), null, call.args().get("quota")))),
                ApiFunction.named("delpop").api2().summary("Delete a mailbox (API 2)").param(address).param(domain).returns(result)
                        .handledBy(call -> api2(call, "OK", () -> email.delete(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain")))),
                ApiFunction.named("passwdpop").api2().summary("Change a mailbox's password (API 2)").param(address).param(password)
                        .param(domain).returns(result)
                        .handledBy(call -> api2(call, "", () -> email.passwd(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("password")))),
                ApiFunction.named("editquota").api2().summary("Change a mailbox's quota (API 2)").param(address).param(domain).param(quota)
                        .returns(result)
                        .handledBy(call -> api2(call, "", () -> email.setQuota(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("quota"))))));
        return functions;
    }

    private ApiFunction suspension(String name, String summary, Param address, Consumer<Mailbox> change) {
        return ApiFunction.named(name).summary(summary).param(address)
                .doing(call -> email.change(call.principal().accountId(), call.args().get("email"), change));
    }

    private Object listPops(Call call) {
        Predicate<String> regex = regex(call.args());
        List<Map<String, Object>> rows = new ArrayList<>();
        Principal account = call.principal();
        if (!call.args().isTrue("skip_main") && regex.test(account.username())) {
            rows.add(pop(account.username(), "Main Account", false, false));
        }
        for (Mailbox box : email.list(account.accountId())) {
            if (regex.test(box.email)) {
                rows.add(pop(box.email, box.email, box.suspendedIncoming, box.suspendedLogin));
            }
        }
        return rows;
    }

    private Object listPopsWithDisk(Call call) {
        Predicate<String> regex = regex(call.args());
        String domain = call.args().get("domain");
        String local = call.args().get("email");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Mailbox box : email.list(call.principal().accountId())) {
            String user = box.email.substring(0, box.email.indexOf('@'));
            if (!regex.test(box.email) || (domain != null && !domain.isEmpty() && !box.domain.equals(domain))
                    || (local != null && !local.isEmpty() && !user.equals(local))) {
                continue;
            }
            double usedMb = box.diskUsedBytes / MIB;
            double percent = box.quotaMb == null || box.quotaMb == 0 ? 0 : Math.min(100, 100.0 * usedMb / box.quotaMb);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", box.email);
            row.put("login", box.email);
            row.put("user", user);
            row.put("domain", box.domain);
            row.put("diskused", round(usedMb));
            row.put("diskquota", box.quotaMb == null ? "unlimited" : (Object) box.quotaMb);
            row.put("_diskused", box.diskUsedBytes);
            row.put("_diskquota", box.quotaMb == null ? 0 : box.quotaMb * 1024 * 1024);
            row.put("diskusedpercent", (int) Math.round(percent));
            row.put("diskusedpercent20", (int) (Math.round(percent / 20.0) * 20));
            row.put("diskusedpercent_float", round(percent));
            row.put("humandiskused", String.format(Locale.ROOT, "%.2f MB", usedMb));
            row.put("humandiskquota", box.quotaMb == null ? "None" : box.quotaMb + " MB");
            row.put("txtdiskquota", box.quotaMb == null ? "unlimited" : String.valueOf(box.quotaMb));
            row.put("mtime", box.createdAt);
            row.put("has_suspended", box.suspendedLogin || box.suspendedIncoming || box.suspendedOutgoing ? 1 : 0);
            row.put("hold_outgoing", 0);
            row.put("suspended_incoming", box.suspendedIncoming ? 1 : 0);
            row.put("suspended_login", box.suspendedLogin ? 1 : 0);
            row.put("suspended_outgoing", box.suspendedOutgoing ? 1 : 0);
            rows.add(row);
        }
        return rows;
    }

    private Object listForwarders(Call call) {
        Predicate<String> regex = regex(call.args());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EmailForwarder forwarder : email.forwarders(call.principal().accountId(), call.args().get("domain"))) {
            if (!regex.test(forwarder.address)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dest", forwarder.address);
            row.put("forward", forwarder.destination);
            row.put("html_dest", Html.escape(forwarder.address));
            row.put("html_forward", Html.escape(forwarder.destination));
            row.put("uri_dest", java.net.URLEncoder.encode(forwarder.address, java.nio.charset.StandardCharsets.UTF_8));
            row.put("uri_forward", java.net.URLEncoder.encode(forwarder.destination, java.nio.charset.StandardCharsets.UTF_8));
            rows.add(row);
        }
        return rows;
    }

    private Object addForwarder(Call call) {
        Args args = call.args();
        EmailForwarder forwarder = email.addForwarder(call.principal().accountId(), args.get("email"), args.get("domain"), args.get("fwdopt"),
                args.get("fwdemail"), args.get("failmsgs"), args.get("pipefwd"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("domain", forwarder.domain);
        row.put("email", forwarder.address);
        row.put("forward", forwarder.destination);
        return List.of(row);
    }

    private static Object api2(Call call, String okReason, Runnable action) {
        Map<String, Object> row = new LinkedHashMap<>();
        try {
            action.run();
            row.put("result", 1);
            row.put("reason", okReason);
        } catch (ApiException e) {
            row.put("result", 0);
            row.put("reason", e.getMessage());
            call.error(e.getMessage());
        }
        return List.of(row);
    }

    private static Predicate<String> regex(Args args) {
        return Regexes.filter(args.get("regex"), 0);
    }

    private static Map<String, Object> pop(String address, String login, boolean incoming, boolean loginSuspended) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", address);
        row.put("login", login);
        row.put("suspended_incoming", incoming ? 1 : 0);
        row.put("suspended_login", loginSuspended ? 1 : 0);
        return row;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
