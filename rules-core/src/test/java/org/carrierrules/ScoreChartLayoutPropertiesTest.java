package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;

/**
 * The round report's score chart over generated rounds: no two of its labels (scores, ids, the passing score,
 * 名额线, headings, legend) overlap, however high the bar beside the quota's dashed line. Each label is measured as
 * a browser lays it out at most: a CJK character a square of the font size, any other character 0.6 of it.
 */
class ScoreChartLayoutPropertiesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final Pattern TEXT = Pattern.compile(
            "<text x=\"(-?\\d+)\" y=\"(-?\\d+)\" font-size=\"(\\d+)\" text-anchor=\"(\\w+)\">([^<]*)</text>");

    private record Box(String text, double left, double top, double right, double bottom) {
        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }
    }

    @Test
    void noTwoLabelsOfTheChartOverlap() {
        qt().withFixedSeed(20241202L).withExamples(120).forAll(AllocationPropertiesTest.rounds()).checkAssert(specs -> {
            RoundSubmission round = AllocationPropertiesTest.submission(specs);
            String html = RULES.documents().render(new Document.RoundReport(round, RULES.allocate(round)), DocumentFormat.HTML);
            List<Box> boxes = boxes(html.substring(html.indexOf("<svg"), html.indexOf("</svg>")));
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    Box a = boxes.get(i);
                    Box b = boxes.get(j);
                    assertFalse(a.overlaps(b), () -> a + " overlaps " + b + " in a round of " + specs);
                }
            }
        });
    }

    @Test
    void theMeasureSeesAnOverlap() {
        List<Box> boxes = boxes("<text x=\"100\" y=\"30\" font-size=\"9\" text-anchor=\"start\">名额线</text>"
                + "<text x=\"118\" y=\"29\" font-size=\"9\" text-anchor=\"middle\">100</text>");
        assertTrue(boxes.get(0).overlaps(boxes.get(1)));
    }

    private static List<Box> boxes(String svg) {
        List<Box> boxes = new ArrayList<>();
        Matcher text = TEXT.matcher(svg);
        while (text.find()) {
            double x = Double.parseDouble(text.group(1));
            double y = Double.parseDouble(text.group(2));
            double size = Double.parseDouble(text.group(3));
            String content = text.group(5);
            double width = content.codePoints().mapToDouble(c -> c > 0x2E7F ? size : 0.6 * size).sum();
            double left = switch (text.group(4)) {
                case "middle" -> x - width / 2;
                case "end" -> x - width;
                default -> x;
            };
            // The glyphs stand on the baseline y; a fifth of the size below it for descenders.
            boxes.add(new Box(content, left, y - size, left + width, y + size / 5));
        }
        assertFalse(boxes.isEmpty(), "the chart has labels");
        return boxes;
    }
}
