package dev.openuapi.ftp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Ftp} (spec §9.1 rows 23-27, plus set_quota and set_homedir). */
@ApplicationScoped
public class FtpModule implements ApiModule {

    public static final String FEATURE = "ftpaccts";

    /** The examples' setup call: the FTP account they list, change or delete. */
    private static final String ADD_DEPLOY = "/execute/Ftp/add_ftp?user=deploy&pass=123456luggage&domain=example.com"
            + "&homedir=public_html/deploy";

    private final FtpService ftp;

    FtpModule(FtpService ftp) {
        this.ftp = ftp;
    }

    @Override
    public String name() {
        return "Ftp";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        Param user = Param.string("user", "The FTP user: user@domain, or user with domain.").required().example("deploy");
        Param domain = Param.of("domain", ParamType.DOMAIN, "The domain of the login; the main domain when left out.")
                .example("example.com");
        Param types = Param.string("include_acct_types", "Only these types, |-separated: main, sub.").example("main|sub");
        Param skip = Param.string("skip_acct_types", "Leave out these types, |-separated: main, sub.")
                .example("anonymous|logaccess");
        return List.of(
                ApiFunction.named("list_ftp").readsOnly().summary("List the FTP accounts").param(types).param(skip)
                        .returns(Shape.arrayOf("The accounts.", Shape.of(FtpRows.Account.class)))
                        .exampleJson("[{\"user\":\"example\",\"homedir\":\"/home/example\",\"type\":\"main\"},"
                                + "{\"user\":\"deploy@example.com\",\"homedir\":\"/home/example/public_html/deploy\",\"type\":\"sub\"}]")
                        .exampleSetup(ADD_DEPLOY)
                        .handledBy(this::listFtp),
                ApiFunction.named("list_ftp_with_disk").readsOnly().summary("List the FTP accounts with their disk use").param(types).param(skip)
                        .returns(Shape.arrayOf("The accounts.", Shape.of(FtpRows.AccountWithDisk.class)))
                        .exampleJson("[{\"login\":\"example\",\"serverlogin\":\"example\",\"dir\":\"/home/example\",\"reldir\":\"\","
                                + "\"htmldir\":\"/home/example\",\"accttype\":\"main\",\"deleteable\":0,\"diskused\":\"0.00\","
                                + "\"diskquota\":\"unlimited\",\"_diskused\":\"0.00\",\"_diskquota\":\"0\",\"diskusedpercent\":0,"
                                + "\"diskusedpercent20\":0,\"humandiskused\":\"0.00 MB\",\"humandiskquota\":\"None\"}]")
                        .handledBy(this::listFtpWithDisk),
                ApiFunction.named("add_ftp").changesState().summary("Add an FTP account")
                        .param(Param.string("user", "The user name (the login is user@domain).").required().example("deploy"))
                        .param(Param.of("pass", ParamType.PASSWORD, "The password (8 characters or more).").example("123456luggage"))
                        .param(Param.string("pass_hash", "Instead of pass: a SHA512-CRYPT hash.")
                                .example("$6$1sOyHP5ZDYp3pGUz$R0TSgfPRHfDjT5PP5RJGv39FhiGTNNPvM7IFpCBjXijMmlMZk9yI8T3LqGuntc9fdKb5eX"
                                        + ".lGL7wBS9e4DAWn/"))
                        .param(domain)
                        .param(Param.string("homedir", "Directory relative to the home directory (or under it: /home/<user>/... or its "
                                + "real path); public_html/<user> by default. Made when missing.").example("public_html/deploy"))
                        .param(Param.of("quota", ParamType.INTEGER, "MB; 0 or unlimited for none.").example("42"))
                        .example(null).exampleArgs("user=deploy&pass=123456luggage&domain=example.com&homedir=public_html/deploy&quota=42")
                        .doing(call -> ftp.add(call.principal().accountId(), call.args().get("user"), call.args().get("domain"),
                                call.args().get("pass"), call.args().get("pass_hash"), call.args().get("homedir"), call.args().get("quota"))),
                ApiFunction.named("delete_ftp").changesState().summary("Delete an FTP account").param(user).param(domain)
                        .param(Param.of("destroy", ParamType.BOOLEAN, "1: also delete the files (the directory is left to the file server).").example("1"))
                        .example(null).exampleSetup(ADD_DEPLOY)
                        .doing(call -> ftp.delete(call.principal().accountId(), call.args().get("user"), call.args().get("domain"))),
                ApiFunction.named("passwd").changesState().summary("Change an FTP account's password").param(user)
                        .param(Param.of("pass", ParamType.PASSWORD, "The new password.").required().example("654321luggage")).param(domain)
                        .example(null).exampleSetup(ADD_DEPLOY)
                        .doing(call -> ftp.passwd(call.principal().accountId(), call.args().get("user"), call.args().get("domain"),
                                call.args().get("pass"))),
                ApiFunction.named("set_quota").changesState().summary("Change an FTP account's quota").param(user).param(domain)
                        .param(Param.of("quota", ParamType.INTEGER, "MB; 0 or unlimited for none.").required().example("42"))
                        .example(null).exampleSetup(ADD_DEPLOY)
                        .doing(call -> ftp.setQuota(call.principal().accountId(), call.args().get("user"), call.args().get("domain"),
                                call.args().get("quota"))),
                ApiFunction.named("set_homedir").changesState().summary("Change an FTP account's directory").param(user).param(domain)
                        .param(Param.string("homedir", "Directory relative to the home directory (or under it: /home/<user>/... or its "
                                + "real path). Made when missing.").required().example("public_html/deploy_files"))
                        .example(null).exampleSetup(ADD_DEPLOY)
                        .doing(call -> ftp.setHomedir(call.principal().accountId(), call.args().get("user"), call.args().get("domain"),
                                call.args().get("homedir"))));
    }

    private List<FtpRows.Account> listFtp(Call call) {
        List<FtpRows.Account> rows = new ArrayList<>();
        Set<String> wanted = types(call);
        Principal account = call.principal();
        if (wanted.contains("main")) {
            rows.add(new FtpRows.Account(account.username(), ftp.home(account.username()), "main"));
        }
        if (wanted.contains("sub")) {
            ftp.list(account.accountId()).forEach(f -> rows.add(new FtpRows.Account(f.login, f.homedir, "sub")));
        }
        return rows;
    }

    private List<FtpRows.AccountWithDisk> listFtpWithDisk(Call call) {
        List<FtpRows.AccountWithDisk> rows = new ArrayList<>();
        Set<String> wanted = types(call);
        Principal account = call.principal();
        String home = ftp.home(account.username());
        if (wanted.contains("main")) {
            rows.add(FtpRows.AccountWithDisk.of(account.username(), account.username(), home, home, "main", 0, null, 0));
        }
        if (wanted.contains("sub")) {
            for (FtpAccount f : ftp.list(account.accountId())) {
                rows.add(FtpRows.AccountWithDisk.of(f.login, f.login, f.homedir, home, "sub", f.diskUsedBytes, f.quotaMb, 1));
            }
        }
        return rows;
    }

    private static Set<String> types(Call call) {
        Set<String> types = new java.util.LinkedHashSet<>(List.of("main", "sub"));
        String include = call.args().get("include_acct_types");
        if (include != null && !include.isEmpty()) {
            types.retainAll(List.of(include.toLowerCase(Locale.ROOT).split("\\|")));
        }
        String skip = call.args().get("skip_acct_types");
        if (skip != null && !skip.isEmpty()) {
            List.of(skip.toLowerCase(Locale.ROOT).split("\\|")).forEach(types::remove);
        }
        return types;
    }
}
