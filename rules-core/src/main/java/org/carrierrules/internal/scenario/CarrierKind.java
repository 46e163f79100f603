package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.carrierrules.internal.tree.Shape;
import org.carrierrules.json.CarrierJson;
import org.carrierrules.supervision.Ground;
import org.carrierrules.supervision.SupervisionDecision;
import org.carrierrules.supervision.SupervisionOutcome;

/**
 * A scenario about a recognised carrier: supervised (跟踪管理, 五) as of the scenario's {@code asOf}; its outcome,
 * ground codes and messages compared.
 */
final class CarrierKind implements ScenarioKind {
    private static final List<String> OUTCOMES = Expect.names(SupervisionOutcome.values());

    @Override
    public String key() {
        return "carrier";
    }

    @Override
    public String section() {
        return "carriers";
    }

    @Override
    public Shape shape() {
        return InputShapes.CARRIER;
    }

    @Override
    public String conclusion() {
        return "outcome";
    }

    @Override
    public String conclusionLabel() {
        return "跟踪管理结论";
    }

    @Override
    public Set<String> expectKeys() {
        return Verdict.expectKeys(conclusion());
    }

    @Override
    public Check check(Expect expect, LocalDate asOf) {
        Verdict expected = Verdict.read(expect, conclusion(), OUTCOMES);
        return (policy, input, base) -> {
            SupervisionDecision decision = policy.supervise(CarrierJson.read(input), asOf);
            return expected.compare(Decision.of(decision), base, unchanged -> Decision.of(policy.supervise(CarrierJson.read(unchanged), asOf)),
                    decision.grounds().stream().map(Ground::rule).toList());
        };
    }
}
