package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * cPanel's Cpanel/Encoder/Tiny.pm (source mirror asmrdevelop/cpanel): {@code %HTML_ENCODE_MAP = ( '&' =>
 * '&amp;', '<' => '&lt;', '>' => '&gt;', '"' => '&quot;', "'" => '&#39;' )}, applied by
 * {@code safe_html_encode_str} with {@code s/([&<>"'])/$HTML_ENCODE_MAP{$1}/sg}.
 */
class HtmlTest {

    @Test
    void theFiveCharactersOfCpanelsMap() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Html.escape("&<>\"'"));
        assertEquals("o&#39;neil&amp;co@example.com", Html.escape("o'neil&co@example.com"));
        assertEquals("php x.php &gt; /dev/null 2&gt;&amp;1", Html.escape("php x.php > /dev/null 2>&1"));
    }

    @Test
    void everythingElseIsLeftAlone() {
        String plain = "user+tag@example.com |/home/a/b.sh :fail: Gone é €";
        assertSame(plain, Html.escape(plain), "nothing to escape: the same string");
        assertEquals("&amp;amp;", Html.escape("&amp;"), "no guard against escaping twice, as in cPanel");
        assertNull(Html.escape(null));
        assertEquals("", Html.escape(""));
    }
}
