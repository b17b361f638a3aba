package dev.openuapi.ftp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.openuapi.login.HostedLogin;

/** An FTP login ({@code user@domain}) of an account, limited to a directory under the account's home. */
@Entity
@Table(name = "ftp_account")
public class FtpAccount extends HostedLogin {

    @Column(nullable = false, length = 320, unique = true)
    public String login;

    /** Absolute path under /home/&lt;user&gt;. */
    @Column(nullable = false, length = 1024)
    public String homedir;

    @Override
    public String address() {
        return login;
    }

    @Override
    protected void setAddress(String address) {
        login = address;
    }
}
