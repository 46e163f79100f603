package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;

/** The review input records refuse what cannot be scored, naming the field, and keep no link to the caller's collections. */
class SupervisionInputTest {
    private static final Map<String, BigDecimal> ITEMS = Map.of("FOUNDATION", new BigDecimal("18"));

    @Test
    void anExpertScoreNeedsAnExpertAndItems() {
        assertEquals("expert", assertThrows(InvalidInputException.class, () -> new ExpertScore(" ", ITEMS)).field());
        assertEquals("items", assertThrows(InvalidInputException.class, () -> new ExpertScore("E1", null)).field());
    }

    @Test
    void anItemWithoutPointsOrCodeIsNamed() {
        Map<String, BigDecimal> noPoints = new HashMap<>();
        noPoints.put("FACULTY", null);
        assertEquals("items.FACULTY", assertThrows(InvalidInputException.class, () -> new ExpertScore("E1", noPoints)).field());
        Map<String, BigDecimal> noCode = new HashMap<>();
        noCode.put(null, BigDecimal.ONE);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ExpertScore("E1", noCode));
        assertEquals("items", e.field());
        assertEquals("评分项代码不能为空", e.problem());
    }

    @Test
    void aReviewNeedsAnApplicationAndAListWithoutGaps() {
        ExpertScore sheet = new ExpertScore("E1", ITEMS);
        assertEquals("applicationId", assertThrows(InvalidInputException.class,
                () -> new ExpertReview("", true, List.of(sheet))).field());
        assertEquals("expertScores", assertThrows(InvalidInputException.class,
                () -> new ExpertReview("LH2024-001", true, null)).field());
        assertEquals("expertScores[1]", assertThrows(InvalidInputException.class,
                () -> new ExpertReview("LH2024-001", true, Arrays.asList(sheet, null))).field());
    }

    @Test
    void laterChangesToTheCallersCollectionsDoNotReachTheRecords() {
        Map<String, BigDecimal> items = new HashMap<>(ITEMS);
        ExpertScore sheet = new ExpertScore("E1", items);
        items.put("FACULTY", BigDecimal.TEN);
        assertEquals(ITEMS, sheet.items());
        List<ExpertScore> sheets = new ArrayList<>(List.of(sheet));
        ExpertReview review = new ExpertReview("LH2024-001", true, sheets);
        sheets.clear();
        assertEquals(List.of(sheet), review.expertScores());
    }
}
