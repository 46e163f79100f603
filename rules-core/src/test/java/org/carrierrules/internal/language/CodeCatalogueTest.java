package org.carrierrules.internal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.engine.LibraryRules;
import org.carrierrules.supervision.SupervisionOutcome;

/** The code catalogue agrees with the rules that use its codes and with the contract's outcome of each ground. */
class CodeCatalogueTest {
    private static final String POLICY = "org/carrierrules/policies/luohu-2024/";

    /** The codes of the rules that give reasons: a rule citing a ranking key that decides no tie (评审得分) gives none. */
    @Test
    void theAllocationReasonsAreExactlyThoseTheLibrarysAllocationRulesGive() {
        String drl = new String(LibraryRules.drl(), StandardCharsets.UTF_8);
        Set<String> used = new TreeSet<>();
        for (LibraryRules.Rule rule : LibraryRules.rules()) {
            String body = drl.substring(drl.indexOf("rule \"" + rule.name() + "\""));
            body = body.substring(0, body.indexOf("\nend\n"));
            if (body.contains("outcomes.")) {
                used.add(rule.code());
            }
        }
        assertEquals(libraryReasons(), used);
    }

    /** A reason the library's rules give cites the policy's round.yaml, never a clause of the library's own. */
    @Test
    void theLibraryRulesReasonsHaveNoClauseOfTheLibrarysOwn() {
        LibraryRules.citedReasons().forEach(code -> assertNull(CodeCatalogue.library().get(code).clause(), code));
    }

    @Test
    void everyFindingAndGroundCodeOfTheContractIsConcludedByABundledRule() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : new String[] {"rules/eligibility/eligibility.dslr", "rules/materials/scans.dslr",
                "rules/materials/paper-copy.dslr", "rules/materials/electronic-copy.dslr", "rules/supervision/supervision.dslr"}) {
            Matcher code = Pattern.compile("，代码 ([A-Z0-9_]+)：").matcher(read(file));
            while (code.find()) {
                used.add(code.group(1));
            }
        }
        Set<String> catalogued = new TreeSet<>(names(Stage.ASSESSMENT));
        catalogued.addAll(names(Stage.SUPERVISION));
        assertEquals(catalogued, used);
    }

    /** The reasons for keeping an application out of the ranking are each given by a rule of the bundled ranking.dslr. */
    @Test
    void everyReasonForNotRankingIsGivenByABundledRuleOfRankingEligibility() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher code = Pattern.compile("，代码 ([A-Z0-9_]+)：").matcher(read("rules/allocation/ranking.dslr"));
        while (code.find()) {
            used.add(code.group(1));
        }
        Set<String> notRanked = new TreeSet<>(names(Stage.ALLOCATION));
        notRanked.removeAll(libraryReasons());
        assertEquals(Set.of("BELOW_PASSING_SCORE", "SITE_VISIT_FAILED"), notRanked);
        assertEquals(notRanked, used);
    }

    @Test
    void eachGroundCodesOutcomeIsTheContracts() {
        for (CodeCatalogue.Code code : CodeCatalogue.library().codes()) {
            if (code.stage() == Stage.SUPERVISION) {
                assertEquals(SupervisionOutcome.ofGround(code.code()), code.outcome(), code.code());
            }
        }
    }

    /** The allocation codes whose clause the policy gives in round.yaml: those of the library's own rules. */
    private static Set<String> libraryReasons() {
        return CodeCatalogue.library().codes().stream().filter(c -> c.stage() == Stage.ALLOCATION && c.clause() == null)
                .map(CodeCatalogue.Code::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Stage stage) {
        return CodeCatalogue.library().codes().stream().filter(c -> c.stage() == stage).map(CodeCatalogue.Code::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String read(String path) throws IOException {
        try (InputStream in = CodeCatalogueTest.class.getClassLoader().getResourceAsStream(POLICY + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
