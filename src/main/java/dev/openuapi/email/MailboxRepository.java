package dev.openuapi.email;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.login.HostedLoginRepository;

@ApplicationScoped
public class MailboxRepository implements HostedLoginRepository<Mailbox> {

    @Override
    public String addressAttribute() {
        return "email";
    }
}
