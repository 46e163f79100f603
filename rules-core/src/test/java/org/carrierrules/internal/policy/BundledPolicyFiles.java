package org.carrierrules.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.carrierrules.CarrierType;
import org.carrierrules.internal.facts.Rubric;
import org.carrierrules.internal.facts.Rubrics;
import org.carrierrules.internal.notice.WorkingCalendar;
import org.carrierrules.policy.PolicyProblem;

/** The bundled luohu-2024 policy directory, read as the loader reads it, for tests of its parts. */
public final class BundledPolicyFiles {
    private static final String ROUND_MARKER = "/org/carrierrules/policies/luohu-2024/round.yaml";

    private BundledPolicyFiles() {
    }

    public static PolicyFiles read() {
        URL marker = BundledPolicyFiles.class.getResource(ROUND_MARKER);
        try {
            return PolicyFiles.read(Path.of(marker.toURI()).getParent(), "bundled:luohu-2024");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the bundled policy is not on the test class path", e);
        }
    }

    /** The bundled calendar, which must load without a single problem. */
    public static WorkingCalendar calendar() {
        List<PolicyProblem> problems = new ArrayList<>();
        WorkingCalendar calendar = WorkingCalendar.read(read(), problems);
        assertEquals(List.of(), problems);
        return calendar;
    }

    /** The bundled rubric, checked against the bundled round, which must load without a single problem. */
    public static Rubrics rubrics() {
        List<PolicyProblem> problems = new ArrayList<>();
        PolicyFiles files = read();
        Rubrics rubrics = Rubrics.read(files, YamlData.read(files, "round.yaml", RoundFile.class, problems), problems);
        assertEquals(List.of(), problems);
        return rubrics;
    }

    /** The bundled rubric's one table, on which all three carrier types are scored. */
    public static Rubric rubric() {
        Rubrics rubrics = rubrics();
        Rubric table = rubrics.of(CarrierType.HIGH_SKILL_TRAINING_BASE);
        for (CarrierType type : CarrierType.values()) {
            assertSame(table, rubrics.of(type), type::toString);
        }
        return table;
    }
}
