package dev.openuapi.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.openuapi.common.ApiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 12 §2, generated inputs: DNS record fields as clients send them. Each parser gives a value or an
 * {@link ApiException} that quotes at most 100 characters of the input; never another exception. TXT data
 * survives quoting and unquoting.
 */
class RecordSyntaxPropertiesTest {

    private static final String ZONE = "example.com";

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("abc019.-_*@ \"\\;").ofMaxLength(300),
                Arbitraries.of("@", ".", "..", "*.example.com", "a.example.com.", "example.com", "-a", "a-", "_dmarc", "1.2.3.4",
                        "::1", "0", "65535", "65536", "-1", "2147483648", "", " ", "\"a\" \"b\"", "\"unterminated", "\\", "\"\\\""));
    }

    private static void declared(Runnable parse) {
        try {
            parse.run();
        } catch (ApiException e) {
            assertTrue(e.getMessage().length() < 400, e.getMessage());
        }
    }

    @Property(tries = 3000)
    void namesAndNumbers(@ForAll("text") String raw) {
        declared(() -> RecordSyntax.ownerName(raw, ZONE));
        declared(() -> RecordSyntax.targetName(raw, "cname", ZONE));
        declared(() -> RecordSyntax.ttl(raw, 14400));
        declared(() -> RecordSyntax.uint16(raw, "port"));
        declared(() -> RecordSyntax.uint8(raw, "flag"));
    }

    @Property(tries = 3000)
    void recordData(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c) {
        declared(() -> RecordData.A.parse(a));
        declared(() -> RecordData.Aaaa.parse(a));
        declared(() -> RecordData.Cname.parse(a, ZONE));
        declared(() -> RecordData.Ns.parse(a, ZONE));
        declared(() -> RecordData.Mx.parse(a, b, ZONE));
        declared(() -> RecordData.Srv.parse(a, b, c, a, ZONE));
        declared(() -> RecordData.Txt.parse(a));
        declared(() -> RecordData.Caa.parse(a, b, c));
    }

    @Property(tries = 3000)
    void txtStringsSurviveQuoting(@ForAll("text") String text) {
        List<String> strings;
        try {
            strings = RecordSyntax.txtStrings(text);
        } catch (ApiException e) {
            return;
        }
        for (String s : strings) {
            assertEquals(List.of(s), RecordSyntax.unquote(RecordSyntax.quote(s)), "quote then unquote gives the string back");
        }
    }
}
