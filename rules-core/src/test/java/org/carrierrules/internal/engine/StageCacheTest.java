package org.carrierrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carrierrules.CarrierRules;
import org.carrierrules.internal.LoadedPolicy;
import org.carrierrules.internal.PolicyLoader;

/**
 * The staff's loop (check --watch) loads a directory again after every save: only the stage whose rules changed is
 * compiled again, the others are found by the text they were compiled from.
 */
class StageCacheTest {
    private static final String SUPERVISION = "rules/supervision/supervision.dslr";

    @TempDir
    Path temp;

    @Test
    void aSaveRecompilesOnlyTheStageWhoseRulesChanged() throws IOException {
        Path policy = temp.resolve("policy");
        CarrierRules.copyBundledPolicy(policy);
        // A rule of the copy's own, so that no other test's compiled stages can be found for it.
        addRule(policy, "载体失联（本测试）");
        PolicyLoader.fromDirectory(policy);

        long before = RuleBaseBuilder.compilations();
        LoadedPolicy unchanged = PolicyLoader.fromDirectory(policy);
        assertEquals(before, RuleBaseBuilder.compilations(), "a directory loaded again as it was compiles nothing");

        addRule(policy, "载体失联（本测试，又一条）");
        LoadedPolicy edited = PolicyLoader.fromDirectory(policy);
        assertEquals(before + 1, RuleBaseBuilder.compilations(), "only the supervision stage is compiled again");
        assertNotEquals(unchanged.ref().fingerprint(), edited.ref().fingerprint());
    }

    private static void addRule(Path policy, String name) throws IOException {
        Path file = policy.resolve(SUPERVISION);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + """

                rule "%s"
                    @clause("五")
                when
                    发现载体失联
                then
                    报请取消认定，代码 LOST_CONTACT：{发现日期}发现载体失联
                end
                """.formatted(name), StandardCharsets.UTF_8);
    }
}
