package org.carrierrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import org.carrierrules.CarrierRules;
import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;

/** The build's compilation of the bundled policy's stages ({@link PrebuildStages}) is in the library and is what serves. */
class PrebuiltStagesTest {
    private static final LoadedPolicy BUNDLED = PolicyLoader.bundled(CarrierRules.BUNDLED_ROUND);

    @Test
    void everyStageOfTheBundledPolicyWasCompiledByTheBuild() {
        for (CompiledStage stage : BUNDLED.compiledStages()) {
            assertNotNull(PrebuiltStages.find(RuleBaseBuilder.sha256(stage.drl())),
                    stage.stage() + ": not compiled by the build (the prebuild-stages step of rules-core/pom.xml)");
        }
    }

    @Test
    void aPrebuiltStageHasTheRulesOfItsTextWithTheirClausesAndSteps() {
        for (CompiledStage stage : BUNDLED.compiledStages()) {
            KieBase prebuilt = PrebuiltStages.find(RuleBaseBuilder.sha256(stage.drl()));
            assertEquals(rules(RuleBaseBuilder.compiledNow(stage).base()), rules(prebuilt), stage.stage().toString());
        }
    }

    @Test
    void aTextTheBuildDidNotSeeIsNotFound() {
        assertNull(PrebuiltStages.find(RuleBaseBuilder.sha256(BUNDLED.compiledStages().get(0).drl() + "\n")));
    }

    /** Served by the build's stages, whether or not an earlier load in this JVM had already found them. */
    @Test
    void aStaffCopyOfTheBundledPolicyCompilesNoStage(@TempDir Path copy) {
        PolicyLoader.copyBundled(CarrierRules.BUNDLED_ROUND, copy);
        long compiled = RuleBaseBuilder.compilations();
        LoadedPolicy policy = PolicyLoader.fromDirectory(copy);
        for (CompiledStage stage : policy.compiledStages()) {
            assertTrue(stage.prebuilt(), stage.stage() + " was compiled at run time");
        }
        assertEquals(compiled, RuleBaseBuilder.compilations());
    }

    /** Each rule's name with its package, metadata (the clause) and agenda group (the step it runs in). */
    private static Map<String, List<Object>> rules(KieBase base) {
        Map<String, List<Object>> rules = new TreeMap<>();
        base.getKiePackages().forEach(p -> {
            for (Rule rule : p.getRules()) {
                rules.put(p.getName() + "." + rule.getName(), List.of(new TreeMap<>(rule.getMetaData()).toString(),
                        String.valueOf(((org.drools.base.definitions.rule.impl.RuleImpl) rule).getAgendaGroup())));
            }
        });
        return rules;
    }
}
