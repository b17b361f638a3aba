package dev.openuapi.email;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Email::count_pops}, beside {@link EmailModule}'s mailboxes (the same module and feature): cPanel's
 * {@code Cpanel::Email::Accounts::count_pops} counts the account's email accounts, not the main account.
 */
@ApplicationScoped
public class EmailCountModule implements EmailFunctions {

    private final EmailService email;

    EmailCountModule(EmailService email) {
        this.email = email;
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("count_pops").readsOnly()
                .summary("Return cPanel account's email account total")
                .description("The number of the account's mailboxes; the main account is not one.")
                .returns(Shape.integer("The number of email accounts.")).exampleJson("1")
                .handledBy(call -> email.count(call.principal().accountId())));
    }
}
