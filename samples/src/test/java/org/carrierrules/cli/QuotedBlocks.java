package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a document that a comment names, {@code <!-- KIND：NAME -->} on the line before the fence, so
 * that a test can hold what the document quotes to what a command prints, and feed a document's own example edits to
 * the command. A quoted output may leave lines out with a line {@code ……}; it writes every fingerprint
 * {@code sha256:…}, since a fingerprint moves with the library's version.
 */
final class QuotedBlocks {
    static final String OUTPUT = "实际输出";
    static final String EDIT = "例子的改动";
    private static final String ELIDED = "……";
    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");

    private final Path document;
    private final List<String> lines;
    private final Set<String> held = new TreeSet<>();

    private QuotedBlocks(Path document, List<String> lines) {
        this.document = document;
        this.lines = lines;
    }

    static QuotedBlocks of(Path document) throws IOException {
        return new QuotedBlocks(document, Files.readString(document, StandardCharsets.UTF_8).lines().toList());
    }

    /** The text of the block {@code <!-- kind：name -->} marks, without the fence's indentation. */
    String block(String kind, String name) {
        String marker = "<!-- " + kind + "：" + name + " -->";
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                at.add(i);
            }
        }
        assertEquals(1, at.size(), () -> document + " marks one block " + marker);
        int fence = at.get(0) + 1;
        String opening = lines.get(fence);
        assertTrue(opening.strip().startsWith("```"), () -> document + ": a fenced block follows " + marker);
        int indent = opening.indexOf("```");
        StringBuilder text = new StringBuilder();
        for (int i = fence + 1; !lines.get(i).strip().equals("```"); i++) {
            String line = lines.get(i);
            text.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip())
                    .append('\n');
        }
        if (kind.equals(OUTPUT)) {
            held.add(name);
        }
        return text.toString();
    }

    /**
     * The quoted output {@code name} is what was printed: line for line, where a line {@code ……} stands for any
     * number of lines left out, and with the command's paths written as the document writes them.
     */
    void assertQuotes(String name, String printed) {
        List<String> quoted = block(OUTPUT, name).lines().toList();
        List<String> actual = normalised(printed).lines().toList();
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : quoted) {
            if (line.strip().equals(ELIDED)) {
                runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(line);
            }
        }
        runs.add(run);
        int from = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<String> part = runs.get(r);
            boolean first = r == 0;
            boolean last = r == runs.size() - 1;
            int found = last && !part.isEmpty() ? actual.size() - part.size() : indexOf(actual, part, from);
            boolean fits = found >= from && found + part.size() <= actual.size()
                    && actual.subList(found, found + part.size()).equals(part) && (!first || part.isEmpty() || found == 0);
            if (!fits) {
                fail(document + " quotes as the output “" + name + "”:\n" + String.join("\n", quoted)
                        + "\n\nbut the command printed:\n" + String.join("\n", actual)
                        + "\n\nthe quoted lines from “" + (part.isEmpty() ? "" : part.get(0)) + "” do not follow there");
            }
            from = found + part.size();
        }
    }

    /** The quoted output {@code name} is a run of lines somewhere in what was printed (indentation aside). */
    void assertQuotesPart(String name, String printed) {
        List<String> quoted = block(OUTPUT, name).lines().map(String::strip).toList();
        List<String> actual = normalised(printed).lines().map(String::strip).toList();
        assertTrue(indexOf(actual, quoted, 0) >= 0, () -> document + " quotes as part of the output “" + name + "”:\n"
                + String.join("\n", quoted) + "\n\nwhich the command did not print:\n" + String.join("\n", actual));
    }

    /** Every output the document quotes has been held to a command's: none is left unchecked. */
    void assertEveryOutputHeld() {
        Set<String> marked = new TreeSet<>();
        Matcher marker = Pattern.compile("<!-- " + OUTPUT + "：(.+?) -->").matcher(String.join("\n", lines));
        while (marker.find()) {
            marked.add(marker.group(1));
        }
        assertEquals(marked, held, document + ": every quoted output is checked");
    }

    private static String normalised(String printed) {
        return FINGERPRINT.matcher(printed.replace("\r\n", "\n")).replaceAll("sha256:…");
    }

    private static int indexOf(List<String> lines, List<String> part, int from) {
        for (int i = from; i + part.size() <= lines.size(); i++) {
            if (lines.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }
}
