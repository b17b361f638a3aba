package dev.openuapi.common;

/**
 * The one HTML escaper, for the {@code html_*} and {@code *_htmlsafe} fields of cPanel's answers. It does what
 * cPanel's {@code Cpanel::Encoder::Tiny::safe_html_encode_str} does: {@code & < > " '} become {@code &amp;
 * &lt; &gt; &quot; &#39;}, and nothing else changes (no other entities, already escaped text is escaped
 * again). No library on the class path does exactly this.
 */
public final class Html {

    private Html() {
    }

    /** {@code null} stays {@code null}, as cPanel leaves undef alone. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(c -> "&<>\"'".indexOf(c) >= 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
