package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.CreditCode;

/** 统一社会信用代码 (GB 32100-2015): alphabet, length and check character. */
class CreditCodeTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void theContractExampleIsValid() {
        assertTrue(CreditCode.isValid("52440303MJL177700D"));
    }

    @Test
    void checkCharacterWorkedByHand() {
        // 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
        // 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31 - 25 = 6.
        assertEquals('6', CreditCode.checkCharacter("91440300192203821"));
    }

    @Test
    void wrongLengthForbiddenCharacterAndWrongCheckAreEachExplained() {
        InvalidInputException length = assertThrows(InvalidInputException.class, () -> applicant("52440303MJL177700"));
        assertEquals("creditCode", length.field());
        assertTrue(length.problem().contains("18位"));
        InvalidInputException letter = assertThrows(InvalidInputException.class, () -> applicant("52440303MJL1777O0D"));
        assertTrue(letter.problem().contains("第16位"), letter::problem);
        InvalidInputException check = assertThrows(InvalidInputException.class, () -> applicant("52440303MJL177700E"));
        assertTrue(check.problem().contains("应为“D”"), check::problem);
    }

    @Test
    void changingAnyOneCharacterOfAValidCodeMakesItInvalid() {
        qt().withFixedSeed(32100).withExamples(500)
                .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSize(17)
                                .map(indexes -> indexes.stream().map(k -> String.valueOf(ALPHABET.charAt(k)))
                                        .collect(Collectors.joining())),
                        integers().between(0, 17), integers().between(1, ALPHABET.length() - 1))
                .checkAssert((body, i, shift) -> {
                    String code = body + CreditCode.checkCharacter(body);
                    assertTrue(CreditCode.isValid(code));
                    char changed = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(i)) + shift) % ALPHABET.length());
                    assertFalse(CreditCode.isValid(code.substring(0, i) + changed + code.substring(i + 1)));
                });
    }

    private static Applicant applicant(String code) {
        return new Applicant("某单位", code, ApplicantType.ENTERPRISE, true, true, "罗湖区");
    }
}
