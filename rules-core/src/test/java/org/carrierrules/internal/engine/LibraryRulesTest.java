package org.carrierrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.carrierrules.CarrierRules;
import org.carrierrules.policy.RuleInfo;

/**
 * The allocation rules' {@code @clause} is the 罗湖区 2024 notice's clause each was written from; decisions cite the
 * policy's data instead. The bundled policy is that notice's, so its round.yaml must give every rule the clause the
 * rule says it was written from: a rule moved to another clause, or data that drifted, fails here.
 */
class LibraryRulesTest {
    @Test
    void theBundledRoundCitesForEachAllocationRuleTheClauseItWasWrittenFrom() {
        Map<String, String> written = new TreeMap<>();
        LibraryRules.rules().forEach(rule -> written.put(rule.name(), rule.clause()));
        Map<String, String> cited = new TreeMap<>();
        CarrierRules.bundled().rules().stream().filter(rule -> written.containsKey(rule.name()))
                .forEach(rule -> cited.put(rule.name(), rule.clause()));

        assertEquals(15, written.size());
        assertEquals(written, cited);
    }

    @Test
    void everyAllocationRuleCitesTheNotice() {
        for (LibraryRules.Rule rule : LibraryRules.rules()) {
            assertTrue(rule.clause().matches("[一二三四五六七八九十]+(\\([一二三四五六七八九十]+\\))?"), rule::toString);
        }
        assertEquals(LibraryRules.rules().size(), CarrierRules.bundled().rules().stream().map(RuleInfo::name)
                .filter(name -> LibraryRules.rules().stream().anyMatch(r -> r.name().equals(name))).count());
    }
}
