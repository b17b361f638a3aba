package dev.openuapi.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Shape;

/**
 * cPanel API 2 {@code CustInfo}: the account's contact information. acme.sh calls
 * {@code displaycontactinfo} only to check that its credentials work; the rows follow cPanel's
 * name/descp/value layout for the fields OpenUAPI holds.
 */
@ApplicationScoped
public class CustInfoModule implements ApiModule {

    private final AccountService accounts;

    CustInfoModule(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "CustInfo";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("displaycontactinfo").api2().readsOnly()
                .summary("Show the account's contact information")
                .description("Lists the contact settings of the account. Clients such as acme.sh use it as a login probe.")
                .returns(Shape.arrayOf("One row per contact setting.", Shape.object("A contact setting.")
                        .field("name", Shape.string("The setting's name (email, second_email)."))
                        .field("descp", Shape.string("What the setting is."))
                        .field("value", Shape.string("Its value; empty when not set."))
                        .field("type", Shape.string("Always string."))
                        .build()))
                .exampleJson("""
                        [{"name":"email","descp":"Contact Email Address","value":"user@example.com","type":"string"},\
                        {"name":"second_email","descp":"Second Contact Email Address","value":"","type":"string"}]""")
                .handledBy(this::displayContactInfo));
    }

    private Object displayContactInfo(Call call) {
        return List.of(row("email", "Contact Email Address", accounts.get(call.principal().username()).contactEmail),
                row("second_email", "Second Contact Email Address", ""));
    }

    private static Map<String, Object> row(String name, String description, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("descp", description);
        row.put("value", value == null ? "" : value);
        row.put("type", "string");
        return row;
    }
}
