package dev.openuapi.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.openuapi.account.Account;

/** An account's domains by type, each list sorted by name. */
public record AccountDomains(AccountDomain main, List<AccountDomain> addons, List<AccountDomain> parked, List<AccountDomain> subs) {

    static AccountDomains of(Account account, List<AccountDomain> all, String mainDocumentRoot) {
        AccountDomain main = all.stream().filter(d -> AccountDomain.MAIN.equals(d.type)).findFirst()
                .orElseGet(() -> fallbackMain(account, mainDocumentRoot));
        return new AccountDomains(main, ofType(all, AccountDomain.ADDON), ofType(all, AccountDomain.PARKED), ofType(all, AccountDomain.SUB));
    }

    /** The main domain, then addon, parked and sub domains. */
    public List<AccountDomain> all() {
        List<AccountDomain> all = new ArrayList<>();
        all.add(main);
        all.addAll(addons);
        all.addAll(parked);
        all.addAll(subs);
        return all;
    }

    private static List<AccountDomain> ofType(List<AccountDomain> all, String type) {
        return all.stream().filter(d -> type.equals(d.type)).sorted(Comparator.comparing(d -> d.name)).toList();
    }

    /** Only if the row is missing (the startup backfill creates it): the account's own domain. */
    private static AccountDomain fallbackMain(Account account, String documentRoot) {
        AccountDomain main = new AccountDomain();
        main.name = account.domain;
        main.type = AccountDomain.MAIN;
        main.documentRoot = documentRoot;
        return main;
    }
}
