package org.carrierrules.internal.allocation;

import static org.carrierrules.CarrierType.HIGH_SKILL_TRAINING_BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertReviewScore;
import org.carrierrules.allocation.ExpertReviewScore.ExpertTotal;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.policy.BundledPolicyFiles;

/** What must hold of every score of 四(四) 评审打分, whatever the experts wrote on their (valid) sheets. */
class ScoreAggregationPropertyTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 300;
    private static final int MOST_EXPERTS = 9;
    /** Points are drawn as a share of the item's maximum, in ten-thousandths, then cut to 2 decimals. */
    private static final int SHARES = 10_000;

    private final Rubric rubric = BundledPolicyFiles.rubric();

    private static BigDecimal share(BigDecimal max, int share) {
        return max.multiply(BigDecimal.valueOf(share)).divide(BigDecimal.valueOf(SHARES), 2, RoundingMode.FLOOR);
    }

    /** Valid sheets of 1 to 9 experts named E1, E2, …, each item between 0 and its maximum, 2 decimals. */
    private Gen<List<ExpertScore>> sheets() {
        List<Rubric.Item> items = rubric.items();
        Gen<Map<String, BigDecimal>> sheet = lists().of(integers().between(0, SHARES)).ofSize(items.size()).map(shares -> {
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                points.put(items.get(i).code(), share(items.get(i).max(), shares.get(i)));
            }
            return points;
        });
        return lists().of(sheet).ofSizeBetween(1, MOST_EXPERTS).map(maps -> {
            List<ExpertScore> scores = new ArrayList<>();
            for (int i = 0; i < maps.size(); i++) {
                scores.add(new ExpertScore("E" + (i + 1), maps.get(i)));
            }
            return scores;
        });
    }

    private ExpertReviewScore score(List<ExpertScore> sheets) {
        return ScoreAggregation.score(rubric, HIGH_SKILL_TRAINING_BASE, new ExpertReview("LH2024-P", true, sheets));
    }

    @Test
    void theScoreLiesBetweenTheLowestAndHighestExpertTotals() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(sheets()).checkAssert(sheets -> {
            ExpertReviewScore result = score(sheets);
            List<BigDecimal> totals = result.expertTotals().stream().map(ExpertTotal::total).toList();
            assertTrue(result.score().compareTo(Collections.min(totals)) >= 0, result::toString);
            assertTrue(result.score().compareTo(Collections.max(totals)) <= 0, result::toString);
        });
    }

    @Test
    void fromFiveExpertsOnOneLowestAndOneHighestAreDroppedAndBelowThatNone() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(sheets()).checkAssert(sheets -> {
            List<ExpertTotal> totals = score(sheets).expertTotals();
            List<BigDecimal> dropped = totals.stream().filter(ExpertTotal::dropped).map(ExpertTotal::total).sorted().toList();
            if (sheets.size() < rubric.minExpertsForTrimming()) {
                assertEquals(List.of(), dropped);
                return;
            }
            List<BigDecimal> all = totals.stream().map(ExpertTotal::total).toList();
            assertEquals(2, dropped.size());
            assertEquals(0, dropped.get(0).compareTo(Collections.min(all)), totals::toString);
            assertEquals(0, dropped.get(1).compareTo(Collections.max(all)), totals::toString);
        });
    }

    @Test
    void theScoreDoesNotDependOnTheOrderOfExperts() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(sheets(), longs().all()).checkAssert((sheets, shuffleSeed) -> {
            List<ExpertScore> shuffled = new ArrayList<>(sheets);
            Collections.shuffle(shuffled, new Random(shuffleSeed));
            ExpertReviewScore original = score(sheets);
            ExpertReviewScore reordered = score(shuffled);
            assertEquals(original.score(), reordered.score());
            assertEquals(totalsByExpert(original), totalsByExpert(reordered));
        });
    }

    private static Map<String, BigDecimal> totalsByExpert(ExpertReviewScore result) {
        return result.expertTotals().stream().collect(Collectors.toMap(ExpertTotal::expert, ExpertTotal::total));
    }

    @Test
    void raisingOneItemOfOneExpertNeverLowersTheScore() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(sheets(), integers().between(0, MOST_EXPERTS - 1), integers().between(0, rubric.items().size() - 1),
                        integers().between(0, SHARES))
                .checkAssert((sheets, expertPick, itemPick, raiseShare) -> {
                    int expert = expertPick % sheets.size();
                    Rubric.Item item = rubric.items().get(itemPick);
                    BigDecimal before = sheets.get(expert).items().get(item.code());
                    BigDecimal raised = before.add(share(item.max().subtract(before), raiseShare));
                    Map<String, BigDecimal> items = new LinkedHashMap<>(sheets.get(expert).items());
                    items.put(item.code(), raised);
                    List<ExpertScore> higher = new ArrayList<>(sheets);
                    higher.set(expert, new ExpertScore(sheets.get(expert).expert(), items));
                    assertTrue(score(higher).score().compareTo(score(sheets).score()) >= 0,
                            () -> "raising " + item.code() + " of " + sheets.get(expert).expert() + " to " + raised);
                });
    }
}
