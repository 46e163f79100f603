package org.carrierrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.ExpertReview;
import org.carrierrules.allocation.ExpertScore;
import org.carrierrules.allocation.Objection;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.application.Application;

/**
 * Writing each carrier type's scoring table out under {@code byCarrierType} (四(四)) changes nothing when the tables
 * score as the common one does: whatever the experts write on their sheets, valid or not, a policy whose three tables
 * equal the bundled common table decides exactly as the bundled policy, trail of rules included; and one whose
 * tables differ only in the items' names, so that each type's applications are decided in a session of their own,
 * gives every application the same status, score, rank and reasons.
 */
class PerTypeRubricPropertiesTest {
    private static final long SEED = 20240729L;
    private static final int EXAMPLES = 120;
    /** The bundled rubric's items and full marks, written out by hand. */
    private static final Map<String, Integer> ITEMS = items();
    private static final List<String> TIMES = List.of("2024-08-12T09:00", "2024-08-20T10:00", "2024-08-20T10:00", "2024-08-25T18:00");
    private static final String TABLE = """
                total: 100
                passingScore: 60
                trimAboveExperts: 5
                items:
                  - {code: FOUNDATION, name: 基础条件%1$s, max: 20}
                  - {code: FACULTY, name: 师资力量%1$s, max: 20}
                  - {code: TRAINING_PERFORMANCE, name: 培训业绩%1$s, max: 25}
                  - {code: INDUSTRY_FIT, name: 产业契合度%1$s, max: 15}
                  - {code: MANAGEMENT, name: 管理制度%1$s, max: 10}
                  - {code: PLAN, name: 建设方案与示范效应%1$s, max: 10}
            """;

    @TempDir
    static Path temp;
    private static CarrierRules bundled;
    private static CarrierRules sameTables;
    private static CarrierRules alikeTables;

    @BeforeAll
    static void load() throws IOException {
        bundled = CarrierRules.bundled();
        sameTables = CarrierRules.fromDirectory(withTables(temp.resolve("same"), type -> ""));
        alikeTables = CarrierRules.fromDirectory(withTables(temp.resolve("alike"), type -> "（" + type.label() + "）"));
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

    /** A copy of the bundled policy whose rubric gives every type a whole table of its own, its items' names ending in {@code suffix}. */
    private static Path withTables(Path parent, Function<CarrierType, String> suffix) throws IOException {
        Files.createDirectories(parent);
        Path policy = PolicyCopies.copy(parent);
        StringBuilder byType = new StringBuilder("\nbyCarrierType:\n");
        for (CarrierType type : CarrierType.values()) {
            byType.append("  ").append(type).append(":\n").append(TABLE.formatted(suffix.apply(type)));
        }
        Files.writeString(policy.resolve("rubric.yaml"), byType, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return policy;
    }

    /** One expert's sheet: points per item in halves, within full marks; now and then one item over, unknown or missing. */
    private static Gen<Map<String, BigDecimal>> sheets() {
        return lists().of(integers().between(0, 1000)).ofSize(ITEMS.size() + 1).map(dice -> {
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Integer> item : ITEMS.entrySet()) {
                points.put(item.getKey(), BigDecimal.valueOf(dice.get(i++) % (2 * item.getValue() + 1)).divide(BigDecimal.valueOf(2)));
            }
            // One sheet in about 70: a round of some thirty sheets is refused about a third of the time.
            int slip = dice.get(ITEMS.size());
            if (slip < 5) {
                points.put("FACULTY", new BigDecimal("20.5"));
            } else if (slip < 10) {
                points.put("MASTER_SKILL", BigDecimal.TEN);
            } else if (slip < 15) {
                points.remove("PLAN");
            }
            return points;
        });
    }

    /** One application: its type, how 受理 ends, when it was submitted, its experts' sheets (none: no review), its objection. */
    record Spec(CarrierType type, int acceptance, String time, boolean sitePassed, List<Map<String, BigDecimal>> sheets, int objection) {
    }

    private static Gen<Spec> specs() {
        Gen<List<Integer>> dice = lists().of(integers().between(0, 99)).ofSize(5);
        return dice.zip(lists().of(sheets()).ofSizeBetween(0, 7), (d, sheets) -> new Spec(CarrierType.values()[d.get(0) % 3],
                d.get(1) < 80 ? 0 : 1, TIMES.get(d.get(2) % TIMES.size()), d.get(3) < 85, sheets, d.get(4) < 75 ? 0 : d.get(4) % 2 + 1));
    }

    private static RoundSubmission submission(List<Spec> specs) {
        List<Application> applications = new ArrayList<>();
        List<ExpertReview> reviews = new ArrayList<>();
        List<Objection> objections = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = String.format("P%02d", i);
            Application application = Rounds.accepted(id, s.type(), s.time());
            applications.add(s.acceptance() == 0 ? application : Rounds.toSupplement(application));
            if (!s.sheets().isEmpty()) {
                List<ExpertScore> scores = new ArrayList<>();
                for (int e = 0; e < s.sheets().size(); e++) {
                    scores.add(new ExpertScore("E" + (e + 1), s.sheets().get(e)));
                }
                reviews.add(new ExpertReview(id, s.sitePassed(), scores));
            }
            if (s.objection() > 0) {
                objections.add(new Objection(id, s.objection() == 1));
            }
        }
        return Rounds.round(applications, reviews, objections);
    }

    /**
     * What a policy decides of a round, its fingerprint aside: exactly, with the trail of rules in firing order; or,
     * not exactly, with the rules of the trail as a set (each session keeps its own order). Or the input error it
     * refuses the round with: exactly its field and words; not exactly its field, the words naming items by name.
     */
    private static Object decided(CarrierRules rules, RoundSubmission submission, boolean exactly) {
        try {
            Allocation a = rules.allocate(submission);
            return List.of(a.entries(), a.vacancies(), a.noticePeriod(), exactly ? a.firedRules() : new TreeSet<>(a.firedRules()));
        } catch (InvalidInputException e) {
            return exactly ? e.field() + "：" + e.problem() : e.field();
        }
    }

    @Test
    void tablesEqualToTheCommonOneDecideExactlyAsTheCommonTable() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds()).checkAssert(specs -> {
            RoundSubmission submission = submission(specs);
            assertEquals(decided(bundled, submission, true), decided(sameTables, submission, true));
        });
    }

    @Test
    void tablesScoringAlikeDecideEveryApplicationAsOneTableDoes() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds()).checkAssert(specs -> {
            RoundSubmission submission = submission(specs);
            assertEquals(decided(bundled, submission, false), decided(alikeTables, submission, false));
        });
    }

    private static Gen<List<Spec>> rounds() {
        return lists().of(specs()).ofSizeBetween(1, 20);
    }

    /** The generated rounds are worth comparing: they are decided, and refused, in each way a sheet can be. */
    @Test
    void theGeneratedRoundsMeetEveryCase() {
        Set<String> met = new TreeSet<>();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(rounds()).checkAssert(specs -> {
            Object decided = decided(bundled, submission(specs), false);
            met.add(decided instanceof String field ? field.substring(field.indexOf(".items.") + ".items.".length()) : "decided");
        });
        assertEquals(Set.of("decided", "FACULTY", "MASTER_SKILL", "PLAN"), met);
    }

    /**
     * In the policy whose tables differ by name, each type's applications are decided in a session of their own (so
     * that the second property compares sessions by table with one session): a base and a studio, both ranked, fire
     * the same rules as in the bundled round, the base's all before the studio's.
     */
    @Test
    void typesOnTablesOfTheirOwnAreDecidedInSessionsOfTheirOwn() {
        RoundSubmission round = Rounds.round(List.of(Rounds.accepted("H1", CarrierType.HIGH_SKILL_TRAINING_BASE, "2024-08-13T09:00"),
                Rounds.accepted("S1", CarrierType.SKILL_MASTER_STUDIO, "2024-08-13T09:00")),
                List.of(Rounds.scored("H1", "80"), Rounds.scored("S1", "80")), List.of());
        String ranked = "已受理、有评审结果且未被排除的申报参加排名";
        String ranking = "同类载体按评审得分排名";
        String within = "排名在本类名额之内，列入候选名单";
        assertEquals(List.of(ranked, ranked, ranking, ranking, within, within), bundled.allocate(round).firedRules());
        assertEquals(List.of(ranked, ranking, within, ranked, ranking, within), alikeTables.allocate(round).firedRules());
        assertEquals(List.of(ranked, ranked, ranking, ranking, within, within), sameTables.allocate(round).firedRules());
    }
}
