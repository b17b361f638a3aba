package dev.openuapi.ftp;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.login.HostedLoginRepository;

@ApplicationScoped
public class FtpAccountRepository implements HostedLoginRepository<FtpAccount> {

    @Override
    public String addressAttribute() {
        return "login";
    }
}
