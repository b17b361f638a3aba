package dev.openuapi.ftp;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.login.HostedLoginRepository;

@ApplicationScoped
public class FtpAccountRepository implements HostedLoginRepository<FtpAccount> {

    /** Directories below {@code from} move below {@code to} (the homes root changed); returns how many. */
    public int moveBelow(String from, String to) {
        String prefix = from + "/";
        return update("homedir = concat(?1, substring(homedir, ?2)) where substring(homedir, 1, ?3) = ?4", to + "/", prefix.length() + 1,
                prefix.length(), prefix);
    }

    @Override
    public String addressAttribute() {
        return "login";
    }
}
