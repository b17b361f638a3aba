package dev.openuapi.email;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quantities;
import dev.openuapi.common.Regexes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Email} (spec §9.1 rows 6-14, suspensions) and its API 2 forms with {@code [{result,reason}]} rows. */
@ApplicationScoped
public class EmailModule implements EmailFunctions {

    public static final String FEATURE = "popaccts";

    private final EmailService email;

    EmailModule(EmailService email) {
        this.email = email;
    }

    @Override
    public List<ApiFunction> functions() {
        Param address = Param.string("email", "The mailbox: user@domain, or user with domain.").required().example("info");
        Param domain = Param.of("domain", ParamType.DOMAIN, "The domain; the main domain when left out.");
        Param password = Param.of("password", ParamType.PASSWORD, "The password (8 characters or more).");
        Param quota = Param.of("quota", ParamType.INTEGER, "MB; 0 or unlimited for none.");
        Param regex = Param.string("regex", "Only addresses matching this regular expression.");
        Shape pops = Shape.arrayOf("The mailboxes.", Shape.of(EmailRows.Pop.class));
        Shape popsWithDisk = Shape.arrayOf("The mailboxes.", Shape.of(EmailRows.PopWithDisk.class));
        Shape result = Shape.arrayOf("One element.", Shape.of(EmailRows.Result.class));
        List<ApiFunction> functions = new ArrayList<>(List.of(
                ApiFunction.named("list_pops").summary("List the mailboxes").param(regex)
                        .param(Param.of("skip_main", ParamType.BOOLEAN, "1: leave out the main account."))
                        .returns(pops).handledBy(this::listPops),
                ApiFunction.named("list_pops_with_disk").summary("List the mailboxes with their disk use and quota").param(regex)
                        .param(domain).param(Param.string("email", "Only this local part.")).returns(popsWithDisk)
                        .handledBy(this::listPopsWithDisk),
                ApiFunction.named("get_disk_usage").summary("Return the disk space a mailbox uses")
                        .param(Param.of("domain", ParamType.DOMAIN, "The mailbox's domain.").required().example("example.com"))
                        .param(Param.string("user", "The mailbox's user: the part before the @.").required().example("info"))
                        .returns(Shape.of(EmailRows.DiskUsage.class))
                        .exampleJson("{\"diskused\":399.6,\"domain\":\"example.com\",\"login\":\"info@example.com\",\"user\":\"info\"}")
                        .handledBy(call -> EmailRows.DiskUsage.of(email.get(call.principal().accountId(), call.args().get("user"),
                                call.args().get("domain")))),
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
                            return mb == null ? Quantities.UNLIMITED : (Object) mb;
                        }),
                ApiFunction.named("list_forwarders").summary("List the forwarders").param(domain).param(regex)
                        .returns(Shape.arrayOf("The forwarders.", Shape.of(EmailRows.Forwarder.class)))
                        .handledBy(this::listForwarders),
                ApiFunction.named("add_forwarder").summary("Add a forwarder")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required())
                        .param(Param.string("email", "The address to forward (local part or full).").required())
                        .param(Param.string("fwdopt", "fwd, fail, blackhole or pipe.").required().example("fwd"))
                        .param(Param.string("fwdemail", "fwd: the destination address."))
                        .param(Param.string("failmsgs", "fail: the message returned to the sender."))
                        .param(Param.string("pipefwd", "pipe: a program relative to the home directory (or under it: /home/<user>/... or its real path)."))
                        .returns(Shape.arrayOf("The new forwarder.", Shape.of(EmailRows.NewForwarder.class)))
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
                        .returns(pops).handledBy(this::listPops),
                ApiFunction.named("listpopswithdisk").api2().summary("List the mailboxes with disk use (API 2)").param(regex).param(domain)
                        .returns(popsWithDisk).handledBy(this::listPopsWithDisk),
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

    private List<EmailRows.Pop> listPops(Call call) {
        Predicate<String> regex = regex(call.args());
        List<EmailRows.Pop> rows = new ArrayList<>();
        Principal account = call.principal();
        for (Mailbox box : email.list(account.accountId())) {
            if (regex.test(box.email)) {
                rows.add(EmailRows.Pop.of(box));
            }
        }
        // The account's own row comes last, after the mailboxes, as in the real replies we have: the one quoted in
        // cPanel::APIClient (Request/UAPIFromWHM1.pm) and the output example of cPanel's "UAPI Functions -
        // Email::list_pops" page (example1@, example2@, then the main account). See src/docs/more-functions.md.
        if (!call.args().isTrue("skip_main") && regex.test(account.username())) {
            rows.add(EmailRows.Pop.mainAccount(account.username()));
        }
        return rows;
    }

    private List<EmailRows.PopWithDisk> listPopsWithDisk(Call call) {
        Predicate<String> regex = regex(call.args());
        String domain = call.args().get("domain");
        String local = call.args().get("email");
        List<EmailRows.PopWithDisk> rows = new ArrayList<>();
        for (Mailbox box : email.list(call.principal().accountId())) {
            String user = box.email.substring(0, box.email.indexOf('@'));
            if (!regex.test(box.email) || (domain != null && !domain.isEmpty() && !box.domain.equals(domain))
                    || (local != null && !local.isEmpty() && !user.equals(local))) {
                continue;
            }
            rows.add(EmailRows.PopWithDisk.of(box));
        }
        return rows;
    }

    private List<EmailRows.Forwarder> listForwarders(Call call) {
        Predicate<String> regex = regex(call.args());
        return email.forwarders(call.principal().accountId(), call.args().get("domain")).stream().filter(f -> regex.test(f.address))
                .map(EmailRows.Forwarder::of).toList();
    }

    private List<EmailRows.NewForwarder> addForwarder(Call call) {
        Args args = call.args();
        return List.of(EmailRows.NewForwarder.of(email.addForwarder(call.principal().accountId(), args.get("email"), args.get("domain"),
                args.get("fwdopt"), args.get("fwdemail"), args.get("failmsgs"), args.get("pipefwd"))));
    }

    private static List<EmailRows.Result> api2(Call call, String okReason, Runnable action) {
        try {
            action.run();
            return List.of(new EmailRows.Result(1, okReason));
        } catch (ApiException e) {
            call.error(e.getMessage());
            return List.of(new EmailRows.Result(0, e.getMessage()));
        }
    }

    private static Predicate<String> regex(Args args) {
        return Regexes.filter(args.get("regex"), false);
    }
}
