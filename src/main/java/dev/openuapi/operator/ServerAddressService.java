package dev.openuapi.operator;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.IpAddresses;
import dev.openuapi.config.OpenUapiConfig;

/**
 * The server's IP address as WHM's {@code listips} reports it. OpenUAPI hosts every account on one shared address,
 * {@code openuapi.dns.account-ip} (the A record of every domain); when a local network interface holds that address
 * its name, netmask and network come from the interface, otherwise (behind NAT or a load balancer) they are unknown.
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
        byte[] bytes = IpAddresses.parse(config.dns().accountIp());
        String ip = bytes == null ? config.dns().accountIp() : IpAddresses.format(bytes);
        if (bytes == null) {
            return new ServerAddress(ip, Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    InetAddress held = address.getAddress();
                    if (java.util.Arrays.equals(held.getAddress(), bytes)) {
                        int prefix = address.getNetworkPrefixLength();
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
