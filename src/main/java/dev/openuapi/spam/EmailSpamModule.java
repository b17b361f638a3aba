package dev.openuapi.spam;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.email.EmailFunctions;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code Email}'s Apache SpamAssassin™ functions (cPanel's reference: api.docs.cpanel.net, Email::get_spam_settings,
 * enable_spam_assassin, disable_spam_assassin, enable_spam_box, disable_spam_box), beside {@link EmailModule} (the same
 * module and feature); each also needs the {@code spamassassin} feature.
 */
@ApplicationScoped
public class EmailSpamModule implements EmailFunctions {

    private final SpamService spam;

    EmailSpamModule(SpamService spam) {
        this.spam = spam;
    }

    @Override
    public List<ApiFunction> functions() {
        String feature = SpamAssassinModule.FEATURE;
        return List.of(
                ApiFunction.named("get_spam_settings").readsOnly().summary("Return email account Apache SpamAssassin settings").feature(feature)
                        .param(Param.string("account", "An email account of the cPanel account (user@domain): the answer then has "
                                + "cpuser_spam_auto_delete and cpuser_spam_auto_delete_score instead of spam_auto_delete and "
                                + "spam_auto_delete_score. Left out: the default account.").example("username@example.com"))
                        .returns(Shape.of(SpamRows.SpamSettings.class))
                        // cPanel's example is the answer without account (spam_auto_delete…); with account it has cpuser_… instead.
                        .exampleArgs("")
                        .exampleJson("{\"rewrites_subjects\":1,\"spam_as_acl\":1,\"spam_auto_delete\":0,\"spam_auto_delete_score\":0,"
                                + "\"spam_box_enabled\":0,\"spam_enabled\":1,\"spam_status_changeable\":1}")
                        .handledBy(call -> SpamRows.SpamSettings.of(spam.settings(call.principal(), call.args().get("account")))),
                ApiFunction.named("enable_spam_assassin").changesState().summary("Enable Apache SpamAssassin for cPanel account").feature(feature)
                        .description("Makes ~/.spamassassinenable (and ~/.spamassassin, 0700).").example(null)
                        .doing(call -> spam.enable(call.principal())),
                ApiFunction.named("disable_spam_assassin").changesState().summary("Disable Apache SpamAssassin for cPanel account").feature(feature)
                        .description("Removes ~/.spamassassinenable; the preferences stay.").example(null)
                        .doing(call -> {
                            spam.disable(call.principal());
                            call.message("Apache SpamAssassin™ has been disabled.");
                        }),
                ApiFunction.named("enable_spam_box").changesState().summary("Enable spam box filtering for cPanel account").feature(feature)
                        .description("Makes ~/.spamassassinboxenable: spam goes to each mailbox's spam folder.").example(null)
                        .doing(call -> spam.enableSpamBox(call.principal())),
                ApiFunction.named("disable_spam_box").changesState().summary("Disable spam box filtering for cPanel account").feature(feature)
                        .description("Removes ~/.spamassassinboxenable: spam is delivered to the inbox.").example(null)
                        .doing(call -> spam.disableSpamBox(call.principal())));
    }
}
