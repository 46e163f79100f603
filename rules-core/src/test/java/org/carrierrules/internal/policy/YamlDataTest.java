package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrierrules.policy.PolicyProblem;

/**
 * Reading a policy file into its record: every problem Jackson meets is told at once, in Chinese, at the
 * line of its key, and the checks that follow report at the lines of theirs.
 */
class YamlDataTest {
    private static final String ROUND = "round.yaml";
    private static final String BUNDLED = new String(BundledPolicyFiles.read().bytes(ROUND), StandardCharsets.UTF_8);

    /** The problems of the bundled round.yaml with {@code from} replaced by {@code to}, read and checked. */
    private static List<PolicyProblem> problemsAfter(String from, String to) {
        assertTrue(BUNDLED.contains(from), from);
        List<PolicyProblem> problems = new ArrayList<>();
        YamlData.Located<RoundFile> round = YamlData.located(ROUND, BUNDLED.replace(from, to).getBytes(StandardCharsets.UTF_8),
                RoundFile.class, problems);
        if (round != null) {
            RoundChecks.check(round.content(), round.problems());
        }
        return problems;
    }

    private static int lineOf(String text) {
        return BUNDLED.substring(0, BUNDLED.indexOf(text)).split("\n", -1).length;
    }

    @Test
    void theBundledRoundIsReadWithoutAProblem() {
        List<PolicyProblem> problems = new ArrayList<>();
        YamlData.Located<RoundFile> round = YamlData.located(ROUND, BUNDLED.getBytes(StandardCharsets.UTF_8), RoundFile.class, problems);
        assertEquals(List.of(), problems);
        assertNotNull(round);
        assertEquals("luohu-2024", round.content().round());
    }

    @Test
    void everyValueOfTheWrongTypeInAFileIsReportedAtItsLine() {
        String twice = BUNDLED.replace("    SKILL_MASTER_STUDIO: 2\n", "    SKILL_MASTER_STUDIO: 两家\n").replace("  copies: 2", "  copies: 两份");
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(YamlData.located(ROUND, twice.getBytes(StandardCharsets.UTF_8), RoundFile.class, problems));
        assertEquals(List.of(
                new PolicyProblem(ROUND, lineOf("    SKILL_MASTER_STUDIO: 2"), "“carrierTypes.quotas.SKILL_MASTER_STUDIO”的值“两家”不是有效的整数"),
                new PolicyProblem(ROUND, lineOf("  copies: 2"), "“paperCopy.copies”的值“两份”不是有效的整数")), problems);
    }

    /** Jackson stops at these: what was noted before is kept, and the stop is told in words too. */
    @Test
    void whatJacksonRefusesOutrightIsToldAtItsLine() {
        String stopped = BUNDLED.replace("    SKILL_MASTER_STUDIO: 2\n", "    SKILL_MASTER_STUDIO: 两家\n").replace("  copies: 2", "  copies: 1.5");
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(YamlData.located(ROUND, stopped.getBytes(StandardCharsets.UTF_8), RoundFile.class, problems));
        assertEquals(List.of(
                new PolicyProblem(ROUND, lineOf("    SKILL_MASTER_STUDIO: 2"), "“carrierTypes.quotas.SKILL_MASTER_STUDIO”的值“两家”不是有效的整数"),
                new PolicyProblem(ROUND, lineOf("  copies: 2"), "“paperCopy.copies”的值应为整数，实为数字 1.5")), problems);
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  totalQuota: 6"), "“carrierTypes.totalQuota”的值 99999999999 超出了整数的范围")),
                problemsAfter("  totalQuota: 6", "  totalQuota: 99999999999"));
    }

    @Test
    void aRequiredKeyLeftOutIsToldAtTheLineOfTheObjectThatLacksIt() {
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("paperCopy:"), "缺少 paperCopy.copies")), problemsAfter("  copies: 2\n", ""));
    }

    @Test
    void aRequiredKeyWrittenWithoutAValueIsToldAtItsOwnLine() {
        int line = lineOf("  backfillAfterUpheldObjection: false");
        assertEquals(List.of(new PolicyProblem(ROUND, line, "缺少 allocation.backfillAfterUpheldObjection（true 或 false）")),
                problemsAfter("  backfillAfterUpheldObjection: false", "  backfillAfterUpheldObjection:"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("timeZone:"), "缺少 timeZone")),
                problemsAfter("timeZone: Asia/Shanghai", "timeZone: '  '"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  opens:"), "缺少 window.opens")),
                problemsAfter("  opens: 2024-08-12T00:00:00", "  opens: ''"));
    }

    @Test
    void aMisspelledKeyIsToldOnceAsNotKnownNotAlsoAsMissing() {
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  copies: 2"),
                        "不认识的键“paperCopy.copys”，可用的键为：copies、reference（是否拼写有误？）")),
                problemsAfter("  copies: 2", "  copys: 2"));
    }

    @Test
    void aKeyNotKnownAndAKeyMissingAreBothTold() {
        assertEquals(List.of(
                        new PolicyProblem(ROUND, lineOf("paperCopy:"), "缺少 paperCopy.reference"),
                        new PolicyProblem(ROUND, lineOf("  copies: 2") + 1, "不认识的键“paperCopy.pages”，可用的键为：copies、reference（是否拼写有误？）")),
                problemsAfter("  reference: 四(二) 申报：“A4纸装订成册", "  pages: 四(二) 申报：“A4纸装订成册"));
    }

    @Test
    void aValueWrittenInTheWrongFormIsNamedWithWhatItShouldBe() {
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("window:"), "“window”的值应为对象（若干“键: 值”），实为数字 7")),
                problemsAfter(BUNDLED.substring(BUNDLED.indexOf("window:"), BUNDLED.indexOf("carrierTypes:")), "window: 7\n\n"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  alsoWritten:"), "“district.alsoWritten”的值应为列表，实为文字“深圳市罗湖区”")),
                problemsAfter("  alsoWritten: [深圳市罗湖区, 广东省深圳市罗湖区]", "  alsoWritten: 深圳市罗湖区"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  opens:"), "“window.opens”的值“2024-02-30”不是真实存在的日期：2024年2月只有29天")),
                problemsAfter("  opens: 2024-08-12T00:00:00", "  opens: 2024-02-30T00:00:00"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("    SKILL_MASTER_STUDIO: 2"), "“carrierTypes.quotas”中的键“SKILL_MASTER”不是有效的取值"
                        + "（可选：HIGH_SKILL_TRAINING_BASE、SKILL_MASTER_STUDIO、RURAL_REVITALIZATION_STATION）")),
                problemsAfter("    SKILL_MASTER_STUDIO: 2", "    SKILL_MASTER: 2"));
    }

    @Test
    void aFullWidthColonThatMakesAnObjectTextIsNamed() {
        String paperCopy = BUNDLED.substring(BUNDLED.indexOf("paperCopy:"), BUNDLED.indexOf("noticePeriod:"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("paperCopy:"), "“paperCopy”的值应为对象（若干“键: 值”），实为文字“copies：2”："
                        + "键“copies”后面的冒号是全角“：”，请改为半角“:”（冒号后再空一格）")),
                problemsAfter(paperCopy, "paperCopy:\n  copies：2\n\n"));
    }

    @Test
    void theChecksAfterTheReadingReportAtTheirKeys() {
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  totalQuota: 6"), "各类载体名额之和（6）超过总名额 carrierTypes.totalQuota（5）")),
                problemsAfter("  totalQuota: 6", "  totalQuota: 5"));
        assertEquals(List.of(new PolicyProblem(ROUND, lineOf("  requireTrainingFunction:"),
                        "applicants.requireTrainingFunction 中的 OTHER 不在 applicants.eligible 中")),
                problemsAfter("requireTrainingFunction: [PUBLIC_INSTITUTION]", "requireTrainingFunction: [PUBLIC_INSTITUTION, OTHER]"));
    }

    @Test
    void anEmptyFileHasNoLineToPointAt() {
        List<PolicyProblem> problems = new ArrayList<>();
        assertNull(YamlData.located(ROUND, "# 待填写\n".getBytes(StandardCharsets.UTF_8), RoundFile.class, problems));
        assertEquals(List.of(new PolicyProblem(ROUND, 0, "文件是空的")), problems);
    }
}
