package dev.openuapi.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;
import dev.openuapi.dns.ZoneService;

/**
 * An account's IP address (WHM API 1 {@code setsiteip}, {@code createacct ip=y} and {@code customip}). Accounts share the
 * server's main address unless given one of its own; as on cPanel, only an address the server has (what {@code listips}
 * lists: {@code openuapi.dns.account-ip} and {@code openuapi.dns.additional-ips}) may be given. When the address
 * changes, every A record of the account's zones that pointed at the old one follows, in the same transaction.
 */
@ApplicationScoped
public class SiteIpService {

    private static final Logger LOG = Logger.getLogger(SiteIpService.class);

    private final AccountService accounts;
    private final AccountRepository repository;
    private final ServerAddressService addresses;
    private final ZoneService zones;

    SiteIpService(AccountService accounts, AccountRepository repository, ServerAddressService addresses, ZoneService zones) {
        this.accounts = accounts;
        this.repository = repository;
        this.addresses = addresses;
        this.zones = zones;
    }

    /** The address the account's domains point at: its own, or the shared main address. */
    public String ipOf(Account account) {
        return account.ip == null ? addresses.mainAddress().ip() : account.ip;
    }

    /** Each account's address, by username. */
    @Transactional
    public Map<String, String> addressesByUsername() {
        Map<String, String> ips = new HashMap<>();
        repository.listAll().forEach(account -> ips.put(account.username, ipOf(account)));
        return ips;
    }

    /** How many accounts use each of the server's addresses (the main address: every account without its own). */
    @Transactional
    public Map<String, Long> accountsByAddress() {
        Map<String, Long> counts = new HashMap<>();
        String main = addresses.mainAddress().ip();
        for (Account account : repository.listAll()) {
            counts.merge(account.ip == null ? main : account.ip, 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Gives the account {@code ip}, an address of this server; the main address makes it share that one again.
     *
     * @return the account's zones' A records that moved
     */
    @Transactional
    public int setSiteIp(String username, String ip) {
        String address = serverAddress(ip);
        Account account = accounts.get(username);
        String old = ipOf(account);
        account.ip = address.equals(addresses.mainAddress().ip()) ? null : address;
        account.updatedAt = Epoch.now();
        int moved = old.equals(address) ? 0 : zones.moveAddress(account.username, old, address);
        LOG.infof("Account %s now uses %s (%d A record(s) moved from %s)", username, address, moved, old);
        return moved;
    }

    /** {@code createacct ip=y}: the first of the server's further addresses that no account uses. */
    @Transactional
    public String freeAddress() {
        Map<String, Long> used = accountsByAddress();
        List<ServerAddressService.ServerAddress> all = addresses.addresses();
        return all.stream().skip(1).map(ServerAddressService.ServerAddress::ip).filter(ip -> !used.containsKey(ip)).findFirst()
                .orElseThrow(() -> ApiException.invalid("No free dedicated IP address is left: every address of this server other "
                        + "than the shared one (" + all.get(0).ip() + ") is in use. Add one to openuapi.dns.additional-ips."));
    }

    /** {@code ip} in canonical form, if it is one of the server's IPv4 addresses. */
    private String serverAddress(String ip) {
        byte[] bytes = IpAddresses.parse(ip == null ? null : ip.trim());
        if (bytes == null || bytes.length != 4) {
            throw ApiException.invalid(Quote.of(ip) + " is not a valid IPv4 address.");
        }
        String canonical = IpAddresses.format(bytes);
        if (addresses.addresses().stream().noneMatch(a -> a.ip().equals(canonical))) {
            throw ApiException.invalid(Quote.of(canonical) + " is not an IP address of this server: use one that listips lists.");
        }
        return canonical;
    }
}
