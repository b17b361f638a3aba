package dev.openuapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README stays short (issue 18 §1: at most 15 KB), its table of contents lists every section, and no relative
 * link in the README or in {@code src/docs/} leads to a missing file or a missing heading.
 */
class ReadmeTest {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("src/docs");
    /** 15 KB. */
    static final int MAX_BYTES = 15 * 1024;
    /**
     * Pages another work item of issue 18 writes at the same time (the generated compatibility matrix, and the
     * compatibility choices under their new name): links to them are allowed before they exist. To be removed once
     * both are merged.
     */

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    @Test
    void theReadmeIsAtMost15Kilobytes() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= MAX_BYTES, "README.md is " + size + " bytes, more than " + MAX_BYTES);
    }

    @Test
    void theReadmeKeepsTheTwoCommands() throws IOException {
        String readme = Files.readString(README);
        // .ci/run runs the README's test command.
        assertTrue(readme.contains("\n    mvn quarkus:dev\n"), "the run command");
        assertTrue(readme.contains("\n    mvn verify\n"), "the test command");
    }

    @Test
    void theTableOfContentsListsEverySectionAndEachAnchorResolves() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<String> sections = new ArrayList<>();
        for (Heading heading : headings(lines)) {
            if (heading.level() == 2 && !heading.text().equals("Contents")) {
                sections.add(heading.text());
            }
        }
        assertTrue(sections.size() >= 4, sections.toString());
        String contents = section(String.join("\n", lines), "## Contents");
        Set<String> listed = new LinkedHashSet<>();
        Matcher link = LINK.matcher(contents);
        while (link.find()) {
            assertTrue(link.group(2).startsWith("#"), "the table of contents links outside the README: " + link.group(2));
            listed.add(link.group(2).substring(1));
        }
        Set<String> anchors = anchors(lines);
        for (String anchor : listed) {
            assertTrue(anchors.contains(anchor), "#" + anchor + " is no heading of the README: " + anchors);
        }
        for (String section : sections) {
            assertTrue(listed.contains(slug(section)), "the table of contents does not list “" + section + "” (#" + slug(section) + ")");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndItsHeading() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(README);
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String target : links(Files.readAllLines(page))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                Path relative = Path.of("").toAbsolutePath().relativize(resolved.toAbsolutePath().normalize());
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (fragment != null && resolved.toString().endsWith(".md") &&
                        !anchors(Files.readAllLines(resolved)).contains(fragment)) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " relative links found");
        assertEquals(List.of(), broken);
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("a-five-minute-tour", slug("A five-minute tour"));
        assertEquals("kubernetes-helm", slug("Kubernetes (Helm)"));
        assertEquals("the-acme-dns-01-flow-what-acmesh-and-certbots-cpanel-plugin-do",
                slug("The ACME DNS-01 flow (what acme.sh and certbot's cPanel plugin do)"));
        assertEquals("renaming-an-account-whm-modifyacct-newuser", slug("Renaming an account: WHM `modifyacct newuser`"));
        assertEquals(Set.of("x", "x-1"), anchors(List.of("## X", "## X")));
        assertEquals(Set.of(), anchors(List.of("```sh", "# not a heading", "```")));
    }

    record Heading(int level, String text) {
    }

    /** The headings outside fenced code blocks. */
    static List<Heading> headings(List<String> lines) {
        List<Heading> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                headings.add(new Heading(m.group(1).length(), m.group(2)));
            }
        }
        return headings;
    }

    /** The anchors GitHub gives a page's headings: the slug, then {@code -1}, {@code -2} for repeats. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Heading heading : headings(lines)) {
            String slug = slug(heading.text());
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped (letters, digits, {@code -} and {@code _} kept), spaces to {@code -}. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The targets of the inline links and images outside fenced code blocks. */
    static List<String> links(List<String> lines) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                targets.add(m.group(2));
            }
        }
        return targets;
    }

    /** From a heading line to the next heading of level two. */
    static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no “" + heading + "” in the README");
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
