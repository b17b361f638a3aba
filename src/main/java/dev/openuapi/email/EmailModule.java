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
        // Parameter examples and example answers: cPanel's reference (api.docs.cpanel.net, UAPI Email::add_pop, list_pops,
        // list_pops_with_disk, get_pop_quota, list_forwarders, add_forwarder, delete_forwarder, suspend_login; cPanel API 2
        // Email::addpop, passwdpop, listpops), for its documentation account user@example.com.
        Param address = Param.string("email", "The mailbox: user@domain, or user with domain.").required().example("user");
        Param domain = Param.of("domain", ParamType.DOMAIN, "The domain; the main domain when left out.").example("example.com");
        Param password = Param.of("password", ParamType.PASSWORD, "The password (8 characters or more).").example("123456luggage");
        Param quota = Param.of("quota", ParamType.INTEGER, "MB; 0 or unlimited for none.").example("500");
        Param regex = Param.string("regex", "Only addresses matching this regular expression.").example("user");
        Param fullAddress = Param.string("email", "The mailbox: user@domain (a bare user is on the main domain).").required()
                .example("user@example.com");
        String addUser = "/execute/Email/add_pop?email=user&domain=example.com&password=123456luggage&quota=500";
        String pop = "{\"email\":\"user@example.com\",\"login\":\"user@example.com\",\"suspended_incoming\":0,\"suspended_login\":0}";
        String popWithDisk = "{\"email\":\"user@example.com\",\"login\":\"user@example.com\",\"user\":\"user\",\"domain\":\"example.com\","
                + "\"diskused\":0,\"diskquota\":500,\"_diskused\":0,\"_diskquota\":524288000,\"diskusedpercent\":0,\"diskusedpercent20\":0,"
                + "\"diskusedpercent_float\":0,\"humandiskused\":\"0.00 MB\",\"humandiskquota\":\"500 MB\",\"txtdiskquota\":\"500\","
                + "\"mtime\":1415894498,\"has_suspended\":0,\"hold_outgoing\":0,\"suspended_incoming\":0,\"suspended_login\":0,"
                + "\"suspended_outgoing\":0}";
        Shape pops = Shape.arrayOf("The mailboxes.", Shape.of(EmailRows.Pop.class));
        Shape popsWithDisk = Shape.arrayOf("The mailboxes.", Shape.of(EmailRows.PopWithDisk.class));
        Shape result = Shape.arrayOf("One element.", Shape.of(EmailRows.Result.class));
        List<ApiFunction> functions = new ArrayList<>(List.of(
                ApiFunction.named("list_pops").readsOnly().summary("List the mailboxes").param(regex)
                        .param(Param.of("skip_main", ParamType.BOOLEAN, "1: leave out the main account.").example("0"))
                        .returns(pops).exampleSetup(addUser).exampleJson("[" + pop + "]").handledBy(this::listPops),
                ApiFunction.named("list_pops_with_disk").readsOnly().summary("List the mailboxes with their disk use and quota").param(regex)
                        .param(domain).param(Param.string("email", "Only this local part.").example("user")).returns(popsWithDisk)
                        .exampleSetup(addUser).exampleJson("[" + popWithDisk + "]").handledBy(this::listPopsWithDisk),
                ApiFunction.named("get_disk_usage").readsOnly().summary("Return the disk space a mailbox uses")
                        .param(Param.of("domain", ParamType.DOMAIN, "The mailbox's domain.").required().example("example.com"))
                        .param(Param.string("user", "The mailbox's user: the part before the @.").required().example("info"))
                        .returns(Shape.of(EmailRows.DiskUsage.class))
                        .exampleSetup("/execute/Email/add_pop?email=info&domain=example.com&password=123456luggage")
                        .exampleJson("{\"diskused\":399.6,\"domain\":\"example.com\",\"login\":\"info@example.com\",\"user\":\"info\"}")
                        .handledBy(call -> EmailRows.DiskUsage.of(email.get(call.principal().accountId(), call.args().get("user"),
                                call.args().get("domain")))),
                ApiFunction.named("add_pop").changesState().summary("Create a mailbox").param(address).param(password)
                        .param(Param.string("password_hash", "Instead of password: a SHA512-CRYPT hash.")
                                .example("$6$1sOyHP5ZDYp3pGUz$R0TSgfPRHfDjT5PP5RJGv39FhiGTNNPvM7IFpCBjXijMmlMZk9yI8T3LqGuntc9fdKb5eX"
                                        + ".lGL7wBS9e4DAWn/")).param(domain).param(quota)
                        .param(Param.of("send_welcome_email", ParamType.BOOLEAN, "Ignored: OpenUAPI sends no mail.").example("0"))
                        .returns(Shape.string("user+domain, as cPanel answers.")).exampleJson("\"user+example.com\"")
                        .exampleArgs("email=user&password=123456luggage&domain=example.com&quota=500&send_welcome_email=0")
                        .handledBy(call -> {
                            Mailbox box = email.add(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                    call.args().get("password"), call.args().get("password_hash"), call.args().get("quota"));
                            return box.email.replace('@', '+');
                        }),
                ApiFunction.named("delete_pop").changesState().summary("Delete a mailbox").param(address).param(domain)
                        .example(null).exampleSetup(addUser)
                        .doing(call -> email.delete(call.principal().accountId(), call.args().get("email"), call.args().get("domain"))),
                ApiFunction.named("passwd_pop").changesState().summary("Change a mailbox's password").param(address)
                        .param(Param.of("password", ParamType.PASSWORD, "The new password.").required().example("123456luggage")).param(domain)
                        .example(null).exampleSetup(addUser)
                        .doing(call -> email.passwd(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                call.args().get("password"))),
                ApiFunction.named("edit_pop_quota").changesState().summary("Change a mailbox's quota").param(address).param(domain).param(quota)
                        .example(null).exampleSetup(addUser)
                        .doing(call -> email.setQuota(call.principal().accountId(), call.args().get("email"), call.args().get("domain"),
                                call.args().get("quota"))),
                ApiFunction.named("get_pop_quota").readsOnly().summary("Return a mailbox's quota").param(address).param(domain)
                        .returns(Shape.string("MB, or unlimited."))
                        // cPanel's example answer, 262144000, is in bytes (as_bytes=1); OpenUAPI answers in MB: 250 MB is that quota.
                        .exampleSetup("/execute/Email/add_pop?email=user&domain=example.com&password=123456luggage&quota=250")
                        .exampleJson("250")
                        .handledBy(call -> {
                            Long mb = email.get(call.principal().accountId(), call.args().get("email"), call.args().get("domain")).quotaMb;
                            return mb == null ? Quantities.UNLIMITED : (Object) mb;
                        }),
                ApiFunction.named("list_forwarders").readsOnly().summary("List the forwarders").param(domain).param(regex)
                        .returns(Shape.arrayOf("The forwarders.", Shape.of(EmailRows.Forwarder.class)))
                        .exampleSetup("/execute/Email/add_forwarder?domain=example.com&email=forwarded&fwdopt=fwd&fwdemail=user@example.com")
                        .exampleJson("[{\"dest\":\"forwarded@example.com\",\"forward\":\"user@example.com\",\"html_dest\":\"forwarded@example.com\","
                                + "\"html_forward\":\"user@example.com\",\"uri_dest\":\"forwarded%40example.com\","
                                + "\"uri_forward\":\"user%40example.com\"}]")
                        .handledBy(this::listForwarders),
                ApiFunction.named("add_forwarder").changesState().summary("Add a forwarder")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required().example("example.com"))
                        .param(Param.string("email", "The address to forward (local part or full).").required().example("forwardme@example.com"))
                        .param(Param.string("fwdopt", "fwd, fail, blackhole or pipe.").required().example("fwd"))
                        .param(Param.string("fwdemail", "fwd: the destination address.").example("fwdtome@example.com"))
                        .param(Param.string("failmsgs", "fail: the message returned to the sender.").example("Nobody home."))
                        .param(Param.string("pipefwd",
                                "pipe: a program relative to the home directory (or under it: /home/<user>/... or its real path).")
                                .example("mailscript.pl"))
                        .returns(Shape.arrayOf("The new forwarder.", Shape.of(EmailRows.NewForwarder.class)))
                        .exampleJson("[{\"domain\":\"example.com\",\"email\":\"forwardme@example.com\",\"forward\":\"fwdtome@example.com\"}]")
                        .handledBy(this::addForwarder),
                ApiFunction.named("delete_forwarder").changesState().summary("Delete a forwarder")
                        .param(Param.string("address", "The forwarded address.").required().example("user@example.com"))
                        .param(Param.string("forwarder", "Its destination, as list_forwarders shows it.").required().example("fwdtome@example.com"))
                        .example(null)
                        .exampleSetup("/execute/Email/add_forwarder?domain=example.com&email=user&fwdopt=fwd&fwdemail=fwdtome@example.com")
                        .doing(call -> {
                            if (!email.deleteForwarder(call.principal().accountId(), call.args().get("address"), call.args().get("forwarder"))) {
                                throw ApiException.notFound("The forwarder does not exist.");
                            }
                        })));
        functions.addAll(List.of(
                suspension("suspend_login", "Stop a mailbox from logging in", fullAddress, addUser, box -> box.suspendedLogin = true),
                suspension("unsuspend_login", "Let a mailbox log in again", fullAddress, addUser, box -> box.suspendedLogin = false),
                suspension("suspend_incoming", "Refuse mail to a mailbox", fullAddress, addUser, box -> box.suspendedIncoming = true),
                suspension("unsuspend_incoming", "Accept mail to a mailbox again", fullAddress, addUser, box -> box.suspendedIncoming = false),
                suspension("suspend_outgoing", "Stop a mailbox from sending", fullAddress, addUser, box -> box.suspendedOutgoing = true),
                suspension("unsuspend_outgoing", "Let a mailbox send again", fullAddress, addUser, box -> box.suspendedOutgoing = false)));
        functions.addAll(List.of(
                ApiFunction.named("listpops").api2().readsOnly().summary("List the mailboxes (API 2)").param(regex)
                        .returns(pops).exampleSetup(addUser).exampleJson("[" + pop + "]").handledBy(this::listPops),
                ApiFunction.named("listpopswithdisk").api2().readsOnly().summary("List the mailboxes with disk use (API 2)").param(regex).param(domain)
                        .returns(popsWithDisk).exampleSetup(addUser).exampleJson("[" + popWithDisk + "]").handledBy(this::listPopsWithDisk),
                ApiFunction.named("addpop").api2().changesState().summary("Create a mailbox (API 2)").param(address).param(password).param(domain)
                        .param(quota).returns(result).exampleJson("[{\"result\":1,\"reason\":\"\"}]")
                        .handledBy(call -> api2(call, "", () -> email.add(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("password"), null, call.args().get("quota")))),
                ApiFunction.named("delpop").api2().changesState().summary("Delete a mailbox (API 2)").param(address).param(domain).returns(result)
                        .exampleSetup(addUser).exampleJson("[{\"result\":1,\"reason\":\"OK\"}]")
                        .handledBy(call -> api2(call, "OK", () -> email.delete(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain")))),
                ApiFunction.named("passwdpop").api2().changesState().summary("Change a mailbox's password (API 2)").param(address).param(password)
                        .param(domain).returns(result).exampleSetup(addUser).exampleJson("[{\"result\":1,\"reason\":\"\"}]")
                        .handledBy(call -> api2(call, "", () -> email.passwd(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("password")))),
                ApiFunction.named("editquota").api2().changesState().summary("Change a mailbox's quota (API 2)").param(address)
                        .param(domain).param(quota)
                        .returns(result).exampleSetup(addUser).exampleJson("[{\"result\":1,\"reason\":\"\"}]")
                        .handledBy(call -> api2(call, "", () -> email.setQuota(call.principal().accountId(), call.args().get("email"),
                                call.args().get("domain"), call.args().get("quota"))))));
        return functions;
    }

    private ApiFunction suspension(String name, String summary, Param address, String setup, Consumer<Mailbox> change) {
        return ApiFunction.named(name).changesState().summary(summary).param(address).example(null).exampleSetup(setup)
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
        // cPanel's reference (Email::list_forwarders): regex "filters the forwarded address or destination"
        return email.forwarders(call.principal().accountId(), call.args().get("domain")).stream()
                .filter(f -> regex.test(f.address) || regex.test(f.destination))
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
