package org.carrierrules.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;

/**
 * Whole rounds for {@code allocate}, from a seed: the applications of {@link ApplicationMix}, a review
 * by five experts of nine in ten of them (one site visit in ten failed), and objections against one
 * application in twenty, half of them upheld. Scores are drawn for the bundled (illustrative) rubric's
 * items, each within its maximum, so that some sheets fall below the passing score.
 */
public final class RoundMix {
    /** The bundled rubric's items and their maxima (rubric.yaml). */
    private static final Map<String, Integer> ITEMS = items();

    private RoundMix() {
    }

    private static Map<String, Integer> items() {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("FOUNDATION", 20);
        items.put("FACULTY", 20);
        items.put("TRAINING_PERFORMANCE", 25);
        items.put("INDUSTRY_FIT", 15);
        items.put("MANAGEMENT", 10);
        items.put("PLAN", 10);
        return items;
    }

    public static RoundSubmission generate(int count, long seed) {
        Random random = new Random(seed);
        List<Application> applications = ApplicationMix.generate(count, seed);
        List<ExpertReview> reviews = new ArrayList<>();
        List<Objection> objections = new ArrayList<>();
        for (Application application : applications) {
            if (random.nextInt(10) > 0) {
                List<ExpertScore> sheets = new ArrayList<>();
                // Each application has a quality of its own, so that the experts roughly agree.
                double quality = 0.4 + 0.6 * random.nextDouble();
                for (int expert = 1; expert <= 5; expert++) {
                    Map<String, BigDecimal> scores = new LinkedHashMap<>();
                    ITEMS.forEach((item, max) -> scores.put(item, BigDecimal.valueOf(
                            Math.max(0, Math.min(max, Math.round(max * (quality + 0.15 * random.nextGaussian())))))));
                    sheets.add(new ExpertScore("E" + expert, scores));
                }
                reviews.add(new ExpertReview(application.id(), random.nextInt(10) > 0, sheets));
            }
            if (random.nextInt(20) == 0) {
                objections.add(new Objection(application.id(), random.nextBoolean()));
            }
        }
        return new RoundSubmission("luohu-2024", applications, reviews, objections);
    }
}
