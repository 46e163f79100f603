package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.Application;
import org.carrierrules.documents.Document;
import org.carrierrules.documents.DocumentFormat;
import org.carrierrules.documents.Documents;

/**
 * Whatever an application's name and id hold, the HTML of its notice carries them as text: no {@code <} typed by an
 * applicant ever reaches the page as markup, and the page has no element but the library's own.
 */
class DocumentHtmlPropertiesTest {
    private static final CarrierRules RULES = CarrierRules.bundled();
    private static final Documents DOCUMENTS = RULES.documents();
    private static final Set<String> LIBRARY_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "h3",
            "p", "footer", "table", "thead", "tr", "th", "td", "ul", "li", "strong", "div");
    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)");

    @Test
    void anyNameOrIdIsEscapedInHtml() {
        Application base = Rounds.toSupplement(Rounds.accepted("LH2024-301", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-20T10:15"));
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(1, 30), strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 12))
                .checkAssert((text, idText) -> {
                    String name = "深圳<" + text + ">&\"'学校";
                    String id = "LH<" + idText;
                    Applicant a = base.applicant();
                    Application application = new Application(id, base.carrierType(), base.submittedAt(),
                            new Applicant(name, a.creditCode(), a.type(), a.hasTrainingFunction(), a.legallyEstablished(), a.registeredDistrict()),
                            base.materials(), base.paperCopy(), base.electronicCopy());
                    String html = DOCUMENTS.render(new Document.AssessmentNotice(application, RULES.assess(application)), DocumentFormat.HTML);

                    assertFalse(html.contains("深圳<"), "an applicant's < reached the page");
                    assertFalse(html.contains("LH<"), "an id's < reached the page");
                    assertTrue(html.contains("深圳&lt;"), html);
                    Set<String> tags = new TreeSet<>();
                    Matcher m = TAG.matcher(html);
                    while (m.find()) {
                        tags.add(m.group(1));
                    }
                    assertTrue(LIBRARY_TAGS.containsAll(tags), () -> "elements not the library's: " + tags);
                });
    }
}
