package dev.openuapi.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Snapshots;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.metrics.OpenUapiMetrics;

/**
 * Resellers: accounts that are also WHM users, with their own privileges (ACLs) and the accounts they
 * own. As on cPanel, a new reseller has no privileges until they are set.
 */
@ApplicationScoped
public class ResellerService {

    private static final Logger LOG = Logger.getLogger(ResellerService.class);

    private final AccountService accounts;
    private final AccountRepository repository;
    private final WhmTokenRepository whmTokens;
    private final OpenUapiMetrics metrics;
    private final AclListService aclLists;

    ResellerService(AccountService accounts, AccountRepository repository, WhmTokenRepository whmTokens, OpenUapiMetrics metrics,
            AclListService aclLists) {
        this.accounts = accounts;
        this.aclLists = aclLists;
        this.repository = repository;
        this.whmTokens = whmTokens;
        this.metrics = metrics;
    }

    /** Makes an account a reseller (with no privileges yet); with {@code makeOwner}, it owns itself. */
    @Transactional
    public Account setup(String username, boolean makeOwner) {
        Account account = accounts.get(username);
        if (account.resellerAcls == null) {
            account.resellerAcls = List.of();
        }
        if (makeOwner) {
            account.owner = account.username;
        }
        LOG.infof("Account %s is a reseller", username);
        return account;
    }

    /** Ends reselling: its accounts go back to root, its WHM tokens are revoked. */
    @Transactional
    public void remove(String username) {
        Account account = reseller(username);
        account.resellerAcls = null;
        release(account);
        if (account.owner.equals(account.username)) {
            account.owner = WhmUser.ROOT;
        }
        LOG.infof("Account %s is no longer a reseller", username);
    }

    @Transactional
    public Account setAcls(String username, Collection<String> acls) {
        Account account = reseller(username);
        List<String> unknown = acls.stream().filter(acl -> !Acl.isKnown(acl)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("Unknown ACLs: " + String.join(", ", unknown) + ".");
        }
        account.resellerAcls = CommaList.sorted(acls);
        return account;
    }

    /**
     * {@code setacls acllist=NAME}: the reseller's privileges become the saved list's (a copy: saving the list again
     * later does not change them). An unknown list changes nothing.
     */
    @Transactional
    public Account applyAclList(String username, String listName) {
        Account account = reseller(username);
        account.resellerAcls = CommaList.sorted(aclLists.acls(listName));
        LOG.infof("Reseller %s: privileges of ACL list %s applied", username, listName);
        return account;
    }

    @Transactional
    public List<Account> list() {
        return repository.list("resellerAcls is not null order by username");
    }

    /** The accounts a reseller owns, other than its own. */
    @Transactional
    public List<String> ownedBy(String reseller) {
        List<String> names = new ArrayList<>();
        repository.list("owner = ?1 and username <> ?1 order by username", reseller).forEach(a -> names.add(a.username));
        return names;
    }

    /** A reseller's accounts outlive it: they go back to root, as on cPanel. Its WHM tokens go with it. */
    void onRemoving(@Observes AccountEvents.Removing event) {
        if (event.account().isReseller()) {
            release(event.account());
        }
    }

    /**
     * A renamed account: the accounts it owns (itself, when a reseller owns itself) and its WHM tokens follow the new
     * name. Each row is written through its entity, so the change feed names it and every replica sees it.
     */
    void onRenamed(@Observes AccountEvents.Renamed event) {
        String oldName = event.oldUsername();
        String newName = event.account().username;
        repository.list("owner", oldName).forEach(owned -> owned.owner = newName);
        whmTokens.listForOwner(oldName).forEach(token -> token.owner = newName);
    }

    private void release(Account reseller) {
        int moved = repository.update("owner = ?1 where owner = ?2 and username <> ?2", WhmUser.ROOT, reseller.username);
        long revoked = whmTokens.delete("owner", reseller.username);
        // bulk writes, which the entity listener does not see: the accounts' owners and the tokens' rows
        Snapshots.changed(Snapshots.EVERYTHING);
        metrics.tokensRevoked("whm", revoked);
        LOG.infof("Reseller %s: %d account(s) handed back to root, %d WHM token(s) revoked", reseller.username, moved, revoked);
    }

    private Account reseller(String username) {
        Account account = accounts.get(username);
        if (!account.isReseller()) {
            throw ApiException.invalid(Quote.of(username) + " is not a reseller.");
        }
        return account;
    }
}
