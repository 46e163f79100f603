package org.carrierrules.internal.documents;

import java.util.List;
import java.util.Objects;

import org.carrierrules.PolicyRef;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;
import org.carrierrules.policy.RoundInfo;
import org.carrierrules.supervision.SupervisionInfo;

/** {@link Documents} of one loaded policy: its templates and its round. Immutable. */
public final class DocumentRenderer implements Documents {
    /**
     * A4 with margins, one document a page, tables that repeat their header on each page and never split a row,
     * serif Chinese fonts with fallbacks for Linux, Windows and macOS. Nothing is loaded from outside the file.
     */
    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm 20mm 18mm; }
            html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.6; color: #000; }
            body { margin: 0; }
            .document { break-after: page; page-break-after: always; }
            .document:last-child { break-after: auto; page-break-after: auto; }
            .page-break { break-after: page; page-break-after: always; }
            h1 { font-size: 18pt; text-align: center; margin: 0 0 12pt; }
            h2 { font-size: 14pt; margin: 14pt 0 6pt; }
            h3 { font-size: 12pt; margin: 10pt 0 4pt; }
            p { margin: 0 0 4pt; text-indent: 0; }
            p.indent-1 { padding-left: 2em; } p.indent-2 { padding-left: 4em; } p.indent-3 { padding-left: 5em; } p.indent-4 { padding-left: 6em; }
            p.sign { text-align: right; margin-top: 8pt; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 10pt; line-height: 1.4; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            th, td { border: 0.5pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
            th { background: #eee; }
            figure.chart { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
            figure.chart svg { font-family: inherit; max-width: 100%; height: auto; }
            figcaption { font-size: 9pt; text-align: center; }
            @media screen { body { background: #888; } .document { background: #fff; width: 174mm; min-height: 257mm; margin: 8mm auto; padding: 20mm 18mm; } }
            footer.audit { margin-top: 14pt; font-size: 7.5pt; color: #555; overflow-wrap: anywhere; word-break: break-all; }
            """;

    private final Templates templates;
    private final RoundInfo round;
    private final AllocationSettings settings;
    private final DocumentContexts contexts;
    private final PolicyRef policy;
    private final String libraryVersion;

    public DocumentRenderer(Templates templates, RoundInfo round, SupervisionInfo supervision, AllocationSettings settings, PolicyRef policy,
                            String libraryVersion) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.round = round;
        this.settings = settings;
        this.contexts = new DocumentContexts(round, supervision, settings);
        this.policy = policy;
        this.libraryVersion = libraryVersion;
    }

    @Override
    public String render(Document document, DocumentFormat format) {
        Objects.requireNonNull(format, "format");
        if (format == DocumentFormat.HTML) {
            return printable(List.of(document));
        }
        return Markup.render(marked(document), format, () -> "");
    }

    @Override
    public String printable(List<? extends Document> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("没有要打印的文书");
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Markup.escape(round.title() + " · " + documents.get(0).kind().label())).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        for (Document document : documents) {
            html.append("<section class=\"document ").append(document.kind().templateName()).append("\">\n")
                    .append(Markup.render(marked(document), DocumentFormat.HTML, () -> chart(document)))
                    .append("<footer class=\"audit\">").append(Markup.escape(audit())).append("</footer>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Who made the document from what, for an auditor: small print at its foot, never in its text. */
    private String audit() {
        return "审计信息：政策 " + policy.round() + "，指纹 " + policy.fingerprint() + "；措辞 " + templates.wording()
                + "；carrier-rules " + libraryVersion;
    }

    /** The round report's chart; the public notice publishes the list only, never what came after it. */
    private String chart(Document document) {
        if (document instanceof Document.RoundReport report) {
            return ScoreChart.svg(round, settings, report.allocation());
        }
        return "";
    }

    private String marked(Document document) {
        return templates.execute(document.kind(), contexts.of(document));
    }
}
