package dev.openuapi.lastlogin;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.IpAddresses;

/**
 * cPanel's {@code Cpanel::LastLogin::Tiny::lastlogin}, with the account's address list in MariaDB instead of
 * {@code ~/.lastlogin}: answer the address the account was last seen from before this one, else the current
 * one, else ""; and record the current address (IPv4 only, as cPanel; the last 15 are kept, a repeat of the
 * newest only moves it to now).
 */
@ApplicationScoped
public class LastLoginService {

    /** cPanel's {@code $MAX_HOSTS_TO_STORE}. */
    static final int MAX_HOSTS = 15;

    private final LoginHostRepository hosts;
    private final AccountRepository accounts;

    LastLoginService(LoginHostRepository hosts, AccountRepository accounts) {
        this.hosts = hosts;
        this.accounts = accounts;
    }

    /** @param current the address the request comes from ({@code ""} when unknown) */
    @Transactional
    public String lastOrCurrent(long accountId, String current) {
        // one call at a time per account, so the list keeps one entry per visit
        Account account = accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        List<LoginHost> seen = new ArrayList<>(hosts.forAccount(accountId));
        String previous = seen.isEmpty() ? null : seen.get(seen.size() - 1).address;
        boolean repeat = false;
        if (previous != null && previous.equals(current)) {
            repeat = true;
            previous = seen.size() >= 2 ? seen.get(seen.size() - 2).address : previous;
        }
        if (isIpv4(current)) {
            if (repeat) {
                hosts.delete(seen.remove(seen.size() - 1));
            }
            while (seen.size() >= MAX_HOSTS) {
                hosts.delete(seen.remove(0));
            }
            LoginHost host = new LoginHost();
            host.account = account;
            host.address = current;
            host.seenAt = Epoch.now();
            hosts.persist(host);
        }
        if (previous != null) {
            return previous;
        }
        return current == null ? "" : current;
    }

    static boolean isIpv4(String address) {
        if (address == null || address.indexOf(':') >= 0) {
            return false;
        }
        byte[] parsed = IpAddresses.parse(address);
        return parsed != null && parsed.length == 4;
    }
}
