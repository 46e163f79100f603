package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierrules.assessment.Acceptance;
import org.carrierrules.assessment.Assessment;
import org.carrierrules.assessment.Finding;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.json.ApplicationJson;

/** A scenario about one application: assessed as at 受理 (四(三)); its acceptance, finding codes and messages compared. */
final class ApplicationKind implements ScenarioKind {
    private static final List<String> ACCEPTANCES = Expect.names(Acceptance.values());

    @Override
    public String key() {
        return "application";
    }

    @Override
    public String section() {
        return "applications";
    }

    @Override
    public Shape shape() {
        return InputShapes.APPLICATION;
    }

    @Override
    public String conclusion() {
        return "acceptance";
    }

    @Override
    public String conclusionLabel() {
        return "受理结论";
    }

    @Override
    public Set<String> expectKeys() {
        return Verdict.expectKeys(conclusion());
    }

    @Override
    public Check check(Expect expect, LocalDate asOf) {
        Verdict expected = Verdict.read(expect, conclusion(), ACCEPTANCES);
        return (policy, input, base) -> {
            Assessment assessment = policy.assess(ApplicationJson.read(input));
            Map<String, String> materials = policy.roundInfo().materialNames();
            return expected.compare(Decision.of(assessment, materials), base,
                    unchanged -> Decision.of(policy.assess(ApplicationJson.read(unchanged)), materials),
                    assessment.findings().stream().map(Finding::rule).toList());
        };
    }
}
