package org.carrierrules.internal.allocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierrules.allocation.ExpertScore;

/**
 * Expert score sheets written the way a test reads them: points in the order of the contract's
 * illustrative rubric (FOUNDATION 20, FACULTY 20, TRAINING_PERFORMANCE 25, INDUSTRY_FIT 15,
 * MANAGEMENT 10, PLAN 10), listed here by hand rather than read from the rubric under test.
 */
public final class ExpertSheets {
    public static final List<String> ITEMS = List.of("FOUNDATION", "FACULTY", "TRAINING_PERFORMANCE", "INDUSTRY_FIT", "MANAGEMENT", "PLAN");
    /** Each item's full marks, in {@link #ITEMS} order, as hundredths of the full 100. */
    private static final List<BigDecimal> SHARES = List.of(new BigDecimal("0.20"), new BigDecimal("0.20"), new BigDecimal("0.25"),
            new BigDecimal("0.15"), new BigDecimal("0.10"), new BigDecimal("0.10"));

    private ExpertSheets() {
    }

    /** A sheet with one value per item, in {@link #ITEMS} order, e.g. {@code sheet("E1", "18", "17", …)}. */
    public static ExpertScore sheet(String expert, String... points) {
        if (points.length != ITEMS.size()) {
            throw new IllegalArgumentException("one value per item: " + ITEMS);
        }
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        for (int i = 0; i < points.length; i++) {
            items.put(ITEMS.get(i), new BigDecimal(points[i]));
        }
        return new ExpertScore(expert, items);
    }

    /**
     * A sheet whose total is {@code total} (0 to 100), spread over the items in proportion to their full
     * marks, so that no item exceeds its maximum: 80 is 16 + 16 + 20 + 12 + 8 + 8.
     */
    public static ExpertScore totalling(String expert, String total) {
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            items.put(ITEMS.get(i), new BigDecimal(total).multiply(SHARES.get(i)));
        }
        return new ExpertScore(expert, items);
    }

    /** The same sheet with one item changed, removed (null) or added. */
    public static ExpertScore with(ExpertScore sheet, String item, String points) {
        Map<String, BigDecimal> items = new LinkedHashMap<>(sheet.items());
        if (points == null) {
            items.remove(item);
        } else {
            items.put(item, new BigDecimal(points));
        }
        return new ExpertScore(sheet.expert(), items);
    }
}
