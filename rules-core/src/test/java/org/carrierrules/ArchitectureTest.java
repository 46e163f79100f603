package org.carrierrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code module-info.java}, held for hosts on the class path too, where the module
 * descriptor does not apply: the pipeline's packages have no cycle, only the facade reaches into
 * {@code internal}, the exported API carries no Drools type and no Jackson type outside {@code json}, and a
 * public type in {@code internal} is a decision (listed below), never an accident.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final JavaClasses LIBRARY = new ClassFileImporter().importPath(CLASSES);
    /** The exported packages, as the compiled module descriptor states them. */
    private static final String[] EXPORTED = descriptor().exports().stream()
            .map(ModuleDescriptor.Exports::source).sorted().toArray(String[]::new);
    private static final String[] EXPORTED_BUT_JSON = descriptor().exports().stream()
            .map(ModuleDescriptor.Exports::source).filter(p -> !p.equals("org.carrierrules.json")).toArray(String[]::new);

    @Test
    void theApiPackagesAreTheStagesOfTheNotice() {
        assertEquals(Set.of("org.carrierrules", "org.carrierrules.application", "org.carrierrules.assessment",
                "org.carrierrules.allocation", "org.carrierrules.notice", "org.carrierrules.supervision",
                "org.carrierrules.policy", "org.carrierrules.json", "org.carrierrules.documents"), Set.of(EXPORTED));
    }

    @Test
    void theLibrarysPackagesHaveNoCycle() {
        slices().matching("org.carrierrules.(*)..").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void theInternalPackagesHaveNoCycle() {
        slices().matching("org.carrierrules.internal.(*)..").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void onlyTheFacadeUsesInternal() {
        noClasses().that().resideOutsideOfPackage("org.carrierrules.internal..")
                .and().doNotBelongToAnyOf(CarrierRules.class)
                .should().dependOnClassesThat().resideInAPackage("org.carrierrules.internal..")
                .check(LIBRARY);
    }

    /** json maps the contract (reads records, writes the decisions it is given) and never decides: the facade does. */
    @Test
    void nothingButTheFacadeDependsOnTheFacade() {
        noClasses().that().doNotBelongToAnyOf(CarrierRules.class, PolicyWatch.class)
                .should().dependOnClassesThat().belongToAnyOf(CarrierRules.class)
                .check(LIBRARY);
    }

    /** The root package's shared types (CarrierType, PolicyRef, …) sit below every stage: they depend on no other package. */
    @Test
    void theSharedTypesDependOnNothingElseOfTheLibrary() {
        classes().that().resideInAPackage("org.carrierrules").and().doNotBelongToAnyOf(CarrierRules.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.carrierrules.*..")
                .check(LIBRARY);
    }

    @Test
    void theApiCarriesNoDroolsType() {
        noClasses().that().resideInAnyPackage(EXPORTED)
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(LIBRARY);
    }

    @Test
    void jacksonTypesAppearInTheApiOnlyInJson() {
        noClasses().that().resideInAnyPackage(EXPORTED_BUT_JSON)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .check(LIBRARY);
    }

    /**
     * The public types of {@code internal}: public only because another internal package uses them. A new one
     * fails here until it is added, so that widening the library's surface for class-path hosts is a decision.
     */
    @Test
    void thePublicTypesOfInternalAreTheListedOnes() {
        Set<String> publicTypes = LIBRARY.stream()
                .filter(c -> c.getPackageName().startsWith("org.carrierrules.internal"))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
                .map(JavaClass::getName).map(n -> n.substring("org.carrierrules.internal.".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(INTERNAL_PUBLIC_TYPES, publicTypes);
    }

    private static final Set<String> INTERNAL_PUBLIC_TYPES = new TreeSet<>(Set.of(
            "LoadedPolicy", "PolicyLoader",
            "allocation.AllocationCitations", "allocation.AllocationEngine", "allocation.AllocationOutcomes",
            "allocation.ScoreAggregation",
            "assessment.AssessmentEngine", "assessment.FindingCollector",
            "documents.DocumentRenderer", "documents.Templates",
            "engine.CheckedRules", "engine.CompiledStage", "engine.CompiledStages", "engine.Conclusions",
            "engine.LibraryRules", "engine.RuleBaseBuilder", "engine.StageSession",
            "facts.AllocationCase", "facts.ApplicationFacts", "facts.AssessedApplication", "facts.Excluded", "facts.ElectronicFileItem", "facts.FactConditions", "facts.FactTest", "facts.IdleStreak", "facts.MaterialItem", "facts.Names", "facts.Placed", "facts.Quota", "facts.Ranked",
            "facts.RankingKey", "facts.RequiredMaterial", "facts.Round", "facts.RoundParameter", "facts.RoundParameters", "facts.Rubric", "facts.Rubrics", "facts.Selected", "facts.SupervisionParameters",
            "language.CheckedRule", "language.CodeCatalogue", "language.CodesFile", "language.DecisionTable", "language.DrlGenerator",
            "language.Message", "language.MessageValues", "language.PolicyTerms", "language.RuleChecker", "language.RuleFileParser",
            "language.RuleTree", "language.Stage", "language.Vocabulary",
            "notice.WorkingCalendar",
            "policy.BundledPolicies", "policy.CalendarChecks", "policy.CalendarYearFile", "policy.DirectoryStamp",
            "policy.FactsFile", "policy.FileProblems", "policy.Lazy", "policy.LocatedTree", "policy.MaterialsFile", "policy.ParametersFile", "policy.PolicyFiles",
            "policy.PolicyStatus", "policy.RoundChecks", "policy.RoundFile", "policy.RubricChecks",
            "policy.RubricFile", "policy.YamlData",
            "scenario.ScenarioSubject", "scenario.ScenarioSuite",
            "supervision.GroundCollector", "supervision.SupervisionEngine",
            "tree.DateTexts", "tree.KeyPath", "tree.Nearest", "tree.Shape", "tree.Texts"));

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(CLASSES).find("org.carrierrules").orElseThrow().descriptor();
    }
}
