package dev.openuapi.common;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.config.OpenUapiConfig;

/** How the server names itself to clients (StatsBar, Variables): host name and the cPanel API level it follows. */
@ApplicationScoped
public class ServerIdentity {

    private final OpenUapiConfig config;

    ServerIdentity(OpenUapiConfig config) {
        this.config = config;
    }

    public String hostname() {
        return config.server().hostname().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }

    public String cpanelVersion() {
        return config.server().cpanelVersion();
    }
}
