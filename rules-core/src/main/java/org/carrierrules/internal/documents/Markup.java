package org.carrierrules.internal.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;

import org.carrierrules.documents.DocumentFormat;

/**
 * The small line-oriented markup a template writes, rendered by the library to text, Markdown or HTML. A line
 * that begins (after its indentation) with
 * <ul>
 * <li>{@code # }, {@code ## }, {@code ### } is a heading; {@code - } an item of a list; {@code >> } a line set to the
 *     right, for the sender and the date (落款);</li>
 * <li>{@code |} a row of a table, {@code |---|} after the first row making it the header;</li>
 * <li>{@code [[得分图]]} the chart of scores per carrier type (HTML only), {@code [[分页]]} a page break (HTML only);</li>
 * </ul>
 * any other line is a paragraph; {@code **…**} in the template's own text is bold. Only the template's own text
 * can be markup: every value passes {@link #VALUE}, which marks where it starts and ends, so that a name such as
 * {@code # 公告} or {@code a|b} stays text, and in HTML every character of every text is escaped.
 */
final class Markup {
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    static final String CHART = "[[得分图]]";
    static final String PAGE_BREAK = "[[分页]]";
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    /** Marks a value; a value's own line breaks and marks become spaces and nothing. */
    static final Mustache.Escaper VALUE = raw -> OPEN + raw.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "")
            .replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ") + CLOSE;

    private Markup() {
    }

    /** One piece of a line: the template's own text, or a value. */
    private record Piece(String text, boolean value) {
    }

    /** The rendered document; {@code chart} draws the chart where the template asks for it. */
    static String render(String marked, DocumentFormat format, Supplier<String> chart) {
        return switch (format) {
            case TEXT -> text(marked);
            case MARKDOWN -> markdown(marked);
            case HTML -> html(marked, chart);
        };
    }

    /**
     * The lines that render: a line of a directive that does not render in text or Markdown dropped, and blank lines
     * run together (a template's sections leave blank lines where their tags were).
     */
    private static List<String> lines(String marked) {
        List<String> lines = new ArrayList<>();
        for (String line : marked.split("\n", -1)) {
            boolean blank = line.isBlank();
            if (!(blank && (lines.isEmpty() || lines.get(lines.size() - 1).isBlank()))) {
                lines.add(blank ? "" : line);
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String text(String marked) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(withoutDirectives(marked))) {
            String indent = indent(line);
            String rest = line.substring(indent.length());
            String plain;
            if (rest.startsWith("# ")) {
                plain = "──────── " + plain(rest.substring(2)) + " ────────";
            } else if (rest.startsWith("## ") || rest.startsWith("### ")) {
                plain = plain(rest.substring(rest.indexOf(' ') + 1));
            } else if (rest.startsWith(">> ")) {
                plain = plain(rest.substring(3));
            } else {
                plain = plain(rest);
            }
            out.append(indent).append(plain).append('\n');
        }
        return out.toString();
    }

    private static String markdown(String marked) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String line : lines(withoutDirectives(marked))) {
            String rest = line.substring(indent(line).length());
            String kind = kind(rest);
            if (rest.startsWith(">> ")) {
                rest = rest.substring(3);
            }
            // Markdown joins consecutive lines into one paragraph: a letter's lines are paragraphs of their own.
            if (kind.equals("p") && previous.equals("p")) {
                out.append('\n');
            }
            StringBuilder md = new StringBuilder();
            for (Piece piece : pieces(rest)) {
                md.append(piece.value() ? markdownEscape(piece.text()) : piece.text());
            }
            out.append(md).append('\n');
            previous = rest.isBlank() ? "" : kind;
        }
        return out.toString();
    }

    /** The text without the lines of the chart and the page break, which only HTML draws. */
    private static String withoutDirectives(String marked) {
        StringBuilder kept = new StringBuilder();
        for (String line : marked.split("\n", -1)) {
            String rest = line.strip();
            if (!rest.equals(CHART) && !rest.equals(PAGE_BREAK)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String kind(String rest) {
        if (rest.startsWith("|")) {
            return "table";
        }
        if (rest.startsWith("- ")) {
            return "li";
        }
        return rest.startsWith("#") ? "h" : "p";
    }

    private static String markdownEscape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String html(String marked, Supplier<String> chart) {
        StringBuilder out = new StringBuilder();
        List<List<Piece>> table = new ArrayList<>();
        boolean header = false;
        boolean list = false;
        for (String line : lines(marked)) {
            String indent = indent(line);
            String rest = line.substring(indent.length());
            boolean row = rest.startsWith("|");
            if (!row && !table.isEmpty()) {
                table(out, table, header);
                table.clear();
                header = false;
            }
            if (!rest.startsWith("- ") && list) {
                out.append("</ul>\n");
                list = false;
            }
            if (row) {
                if (rest.matches("\\|[\\s|:-]*-[\\s|:-]*")) {
                    header = table.size() == 1;
                } else {
                    table.add(cells(rest));
                }
            } else if (rest.equals(CHART)) {
                out.append(chart.get());
            } else if (rest.equals(PAGE_BREAK)) {
                out.append("<div class=\"page-break\"></div>\n");
            } else if (rest.startsWith("### ") || rest.startsWith("## ") || rest.startsWith("# ")) {
                int level = rest.indexOf(' ');
                out.append("<h").append(level).append('>').append(inline(rest.substring(level + 1))).append("</h").append(level).append(">\n");
            } else if (rest.startsWith("- ")) {
                if (!list) {
                    out.append("<ul>\n");
                    list = true;
                }
                out.append("<li>").append(inline(rest.substring(2))).append("</li>\n");
            } else if (rest.startsWith(">> ")) {
                out.append("<p class=\"sign\">").append(inline(rest.substring(3))).append("</p>\n");
            } else if (!rest.isBlank()) {
                int level = Math.min(indent.length() / 2, 4);
                out.append(level == 0 ? "<p>" : "<p class=\"indent-" + level + "\">").append(inline(rest)).append("</p>\n");
            }
        }
        if (!table.isEmpty()) {
            table(out, table, header);
        }
        if (list) {
            out.append("</ul>\n");
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<List<Piece>> rows, boolean header) {
        out.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            boolean head = header && r == 0;
            out.append(head ? "<thead><tr>" : "<tr>");
            for (Piece cell : rows.get(r)) {
                out.append(head ? "<th>" : "<td>").append(cell.text()).append(head ? "</th>" : "</td>");
            }
            out.append(head ? "</tr></thead>\n" : "</tr>\n");
        }
        out.append("</table>\n");
    }

    /** A row's cells, split at the template's own bars only, each rendered to HTML. */
    private static List<Piece> cells(String row) {
        List<Piece> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        List<Piece> pieces = pieces(row.strip());
        for (Piece piece : pieces) {
            if (piece.value()) {
                cell.append(escape(piece.text()));
                continue;
            }
            String[] parts = piece.text().split("\\|", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    cells.add(new Piece(cell.toString().strip(), false));
                    cell.setLength(0);
                }
                cell.append(bold(escape(parts[i])));
            }
        }
        // A row begins and ends with a bar: the pieces before the first and after the last are no cells.
        return cells.isEmpty() ? cells : cells.subList(1, cells.size());
    }

    private static String inline(String rest) {
        StringBuilder html = new StringBuilder();
        for (Piece piece : pieces(rest)) {
            html.append(piece.value() ? escape(piece.text()) : bold(escape(piece.text())));
        }
        return html.toString();
    }

    private static String bold(String escaped) {
        Matcher m = BOLD.matcher(escaped);
        return m.replaceAll("<strong>$1</strong>");
    }

    private static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf(OPEN, at);
            if (open < 0) {
                pieces.add(new Piece(line.substring(at), false));
                break;
            }
            if (open > at) {
                pieces.add(new Piece(line.substring(at, open), false));
            }
            int close = line.indexOf(CLOSE, open);
            pieces.add(new Piece(line.substring(open + 1, close), true));
            at = close + 1;
        }
        return pieces;
    }

    /** The line as plain text: the values as they are, the template's own bold marks dropped. */
    private static String plain(String line) {
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces(line)) {
            text.append(piece.value() ? piece.text() : piece.text().replace("**", ""));
        }
        return text.toString();
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(0, i);
    }

    /** Every character that could start markup in HTML, escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
