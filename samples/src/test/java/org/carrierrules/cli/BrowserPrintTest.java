package org.carrierrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample round's {@code round-report.html} as a district office prints it: headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs) prints it to PDF, and the PDF is read back with PDFBox: its pages,
 * every published candidate's name as text (so the fonts carried the glyphs), and no text outside the A4 page's
 * margins (nothing cut at the edge). A screenshot of the first page is kept in {@code target/browser-print/}.
 * Without Chromium the test is skipped on a workstation but fails in CI ({@code CI} set), where it must run.
 */
class BrowserPrintTest {
    private static final Path OUT = Path.of("target/browser-print");
    /** The margins of @page in DocumentRenderer: 20mm top and bottom, 18mm left and right, in PDF points. */
    private static final float TOP_BOTTOM = 20 / 25.4f * 72;
    private static final float LEFT_RIGHT = 18 / 25.4f * 72;
    /** Glyph boxes may reach a little beyond the line box the layout keeps inside the margins. */
    private static final float SLACK = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path pdf;

    @BeforeAll
    static void print() throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI 环境中没有 chromium：浏览器打印测试必须运行；.ci/run 会用 apt-get install chromium 安装它");
            }
            Assumptions.abort("本机没有 chromium（apt-get install -y chromium），跳过浏览器打印测试");
        }
        Files.createDirectories(OUT);
        try (Stream<Path> old = Files.list(OUT)) {
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        Run run = Run.of("run", "data/luohu-2024", "--out", OUT.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path html = OUT.resolve(RunCommand.PRINTABLE).toAbsolutePath();
        pdf = OUT.resolve("round-report.pdf").toAbsolutePath();
        chrome(chromium.get(), "--print-to-pdf=" + pdf, "--no-pdf-header-footer", html.toUri().toString());
        chrome(chromium.get(), "--screenshot=" + OUT.resolve("first-page-screenshot.png").toAbsolutePath(), "--hide-scrollbars",
                "--window-size=900,1200", html.toUri().toString());
        assertTrue(Files.size(pdf) > 0, "Chromium wrote no PDF");
    }

    @Test
    void theReportPrintsOnA4PagesBeginningWithThePublicNotice() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            Files.writeString(OUT.resolve("pages.txt"), pages + "\n", StandardCharsets.UTF_8);
            assertTrue(pages >= 3 && pages <= 8, "pages: " + pages);
            for (int i = 0; i < pages; i++) {
                PDRectangle box = document.getPage(i).getMediaBox();
                assertEquals(595, Math.round(box.getWidth()), "A4 width, page " + (i + 1));
                assertEquals(842, Math.round(box.getHeight()), "A4 height, page " + (i + 1));
            }
            String first = text(document, 1, 1).replaceAll("\\s+", "");
            assertTrue(first.contains("候选名单的公示"), first);
            assertTrue(first.contains("罗湖区沿河北路2019号2号楼204室"), first);
            String second = text(document, 2, 2).replaceAll("\\s+", "");
            assertTrue(second.contains("评审结果与候选名单"), "the report begins on a page of its own: " + second);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 80);
            ImageIO.write(image, "png", OUT.resolve("pdf-page-1.png").toFile());
        }
    }

    @Test
    void everyPublishedCandidateIsTextOnThePublicNotice() throws IOException {
        JsonNode result = JSON.readTree(OUT.resolve(RunCommand.RESULT).toFile());
        JsonNode applications = JSON.readTree(new File("data/luohu-2024/applications.json"));
        List<String> published = new ArrayList<>();
        for (JsonNode entry : result.get("entries")) {
            String status = entry.get("status").asText();
            if (status.equals("CANDIDATE") || status.equals("REMOVED_BY_OBJECTION")) {
                for (JsonNode application : applications) {
                    if (application.get("id").asText().equals(entry.get("applicationId").asText())) {
                        published.add(application.get("applicant").get("name").asText());
                    }
                }
            }
        }
        assertEquals(5, published.size(), published.toString());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String notice = text(document, 1, 1).replaceAll("\\s+", "");
            for (String name : published) {
                assertTrue(notice.contains(name), name + " missing from the printed notice:\n" + notice);
            }
        }
    }

    @Test
    void noTextLiesOutsideThePagesMargins() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> outside = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    PDRectangle box = getCurrentPage().getMediaBox();
                    for (TextPosition p : positions) {
                        float left = p.getXDirAdj();
                        float right = left + p.getWidthDirAdj();
                        float bottom = p.getYDirAdj();
                        float top = bottom - p.getHeightDir();
                        if (left < LEFT_RIGHT - SLACK || right > box.getWidth() - LEFT_RIGHT + SLACK
                                || top < TOP_BOTTOM - SLACK || bottom > box.getHeight() - TOP_BOTTOM + SLACK) {
                            outside.add("第" + getCurrentPageNo() + "页 “" + p.getUnicode() + "” 于 (" + left + ", " + bottom + ")");
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
            assertTrue(outside.isEmpty(), "text outside the margins: " + outside.subList(0, Math.min(20, outside.size())));
        }
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }

    private static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** One headless Chromium run with a profile of its own (tests may run beside another Chromium). */
    private static void chrome(Path chromium, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path log = OUT.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 180 s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + command + "\n" + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
