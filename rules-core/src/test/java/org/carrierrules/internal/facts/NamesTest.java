package org.carrierrules.internal.facts;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Names.normalise skips the NFKC normaliser for text it would leave unchanged; the shortcut must
 * never change an answer. Text is drawn from the characters names are made of and the ones NFKC
 * does change: full-width forms, the ideographic space, combining marks, compatibility ideographs,
 * half-width katakana, circled digits.
 */
class NamesTest {
    private static final List<String> PIECES = List.of("罗湖区", "申报表", "深圳市", "集团", "A4", "pdf", ".", " ", "-", "01",
            "（", "）", "(", ")", "\u3000", "Ａ", "４", "e\u0301", "\u0301", "\uF900", "\uFF76\uFF9E", "\u2460", "\uFB01", "\t");

    private static Gen<String> names() {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 8)
                .map(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(PIECES.get(i)));
                    return text.toString();
                });
    }

    @Test
    void normaliseIsNfkcThenStrip() {
        qt().withFixedSeed(20240729L).withExamples(2_000).forAll(names())
                .check(text -> Names.normalise(text).equals(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()));
    }

    /** The file-name checks compare in place where the base name is its own normal form; the answers must not change. */
    @Test
    void fileNameChecksAnswerAsTheNormalisedBaseNameDoes() {
        qt().withFixedSeed(20240730L).withExamples(5_000).forAll(names(), names(), integers().between(0, 2))
                .check((name, other, extension) -> {
                    String fileName = name + List.of("", ".pdf", ". docx").get(extension);
                    String base = nfkc(fileName.lastIndexOf('.') > 0 ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName);
                    String named = nfkc(name);
                    String part = nfkc(other);
                    return Names.isNamedAfter(fileName, name) == base.equals(named)
                            && Names.isNamedAfter(fileName, other) == base.equals(part)
                            && Names.mentions(fileName, other) == base.contains(part)
                            && Names.mentions(fileName, name) == base.contains(named);
                });
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
