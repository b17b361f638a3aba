package dev.openuapi.operator;

import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.IpAddresses;
import dev.openuapi.config.OpenUapiConfig;

/**
 * The server's IP addresses as WHM's {@code listips} reports them. Accounts share the main address,
 * {@code openuapi.dns.account-ip} (the A record of every new domain), unless {@code setsiteip} gave one its own, one of
 * {@code openuapi.dns.additional-ips}; when a local network interface holds an address its name, netmask and network
 * come from the interface, otherwise (behind NAT or a load balancer) they are unknown.
 */
@ApplicationScoped
public class ServerAddressService {

    /** The shared address and, when a local interface holds it, that interface's name, netmask and network. */
    public record ServerAddress(String ip, Optional<String> networkInterface, Optional<String> netmask, Optional<String> network) {
    }

    private final OpenUapiConfig config;

    ServerAddressService(OpenUapiConfig config) {
        this.config = config;
    }

    public ServerAddress mainAddress() {
        return describe(config.dns().accountIp());
    }

    /**
     * Every address of the server, canonical, the main one first: {@code openuapi.dns.account-ip}, then
     * {@code openuapi.dns.additional-ips} (an IPv4 address that does not parse, or one listed twice, is left out).
     */
    public List<ServerAddress> addresses() {
        List<ServerAddress> all = new ArrayList<>();
        all.add(mainAddress());
        Set<String> seen = new HashSet<>();
        seen.add(all.get(0).ip());
        for (String extra : config.dns().additionalIps().orElse(List.of())) {
            byte[] bytes = IpAddresses.parse(extra.trim());
            if (bytes != null && bytes.length == 4 && seen.add(IpAddresses.format(bytes))) {
                all.add(describe(IpAddresses.format(bytes)));
            }
        }
        return all;
    }

    private ServerAddress describe(String address) {
        byte[] bytes = IpAddresses.parse(address);
        String ip = bytes == null ? address : IpAddresses.format(bytes);
        if (bytes == null) {
            return new ServerAddress(ip, Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress held : nic.getInterfaceAddresses()) {
                    if (java.util.Arrays.equals(held.getAddress().getAddress(), bytes)) {
                        int prefix = held.getNetworkPrefixLength();
                        return new ServerAddress(ip, Optional.of(nic.getName()), Optional.of(IpAddresses.format(mask(bytes.length, prefix))),
                                Optional.of(IpAddresses.format(network(bytes, prefix))));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: the address is still the server's, its interface unknown
        }
        return new ServerAddress(ip, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static byte[] mask(int length, int prefix) {
        byte[] mask = new byte[length];
        for (int bit = 0; bit < prefix && bit < length * 8; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }

    static byte[] network(byte[] address, int prefix) {
        byte[] mask = mask(address.length, prefix);
        byte[] network = new byte[address.length];
        for (int i = 0; i < address.length; i++) {
            network[i] = (byte) (address[i] & mask[i]);
        }
        return network;
    }
}
