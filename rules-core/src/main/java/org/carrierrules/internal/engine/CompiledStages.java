package org.carrierrules.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.carrierrules.internal.language.DrlGenerator;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.internal.policy.Lazy;
import org.carrierrules.internal.policy.PolicyFiles;
import org.carrierrules.policy.PolicyProblem;

/**
 * The compiled rules of every stage of a policy; policies that differ only in round data share them.
 * {@code generatedDrl} is what the library generated from the staff's rule files, which the fingerprint covers.
 */
public record CompiledStages(CompiledStage assessment, Lazy<CompiledStage> allocation, Lazy<CompiledStage> supervision,
                             String generatedDrl) {

    /**
     * Every stage, the assessment stage on this thread while the allocation and supervision stages compile
     * one after the other on a second: on two cores a directory loads (and reloads) in about the time
     * of its largest stage. Problems come in the order of the stages, whichever finishes first; with any,
     * the stages are not to be used.
     */
    public static CompiledStages all(CheckedRules checked, List<PolicyProblem> problems) {
        String assessmentDrl = DrlGenerator.generate(Stage.ASSESSMENT, checked.assessment());
        String allocationDrl = DrlGenerator.generate(Stage.ALLOCATION, checked.allocation());
        String supervisionDrl = DrlGenerator.generate(Stage.SUPERVISION, checked.supervision());
        List<PolicyProblem> laterProblems = new ArrayList<>();
        FutureTask<List<CompiledStage>> later = new FutureTask<>(() -> {
            CompiledStage allocation = RuleBaseBuilder.allocationStage(checked.allocation(), allocationDrl, laterProblems);
            // Arrays.asList: a stage with problems is null.
            return Arrays.asList(allocation, RuleBaseBuilder.staffStage(Stage.SUPERVISION, checked.supervision(), supervisionDrl,
                    laterProblems));
        });
        // A new thread rather than a shared pool: it inherits the caller's context class loader,
        // through which Drools finds the fact classes when the library runs inside a container.
        Thread compiler = new Thread(later, "carrier-rules compile stages");
        compiler.setDaemon(true);
        compiler.start();
        CompiledStage assessment = RuleBaseBuilder.staffStage(Stage.ASSESSMENT, checked.assessment(), assessmentDrl, problems);
        List<CompiledStage> others = await(later);
        problems.addAll(laterProblems);
        return new CompiledStages(assessment, Lazy.of(() -> others.get(0)), Lazy.of(() -> others.get(1)),
                assessmentDrl + allocationDrl + supervisionDrl);
    }

    /**
     * The assessment stage now, the others on first use: for the bundled policy, whose rules the library's own
     * tests compile, so that a host that only assesses never waits for them. Should a broken library still get
     * here, the first use of a later stage reports its problems as a PolicyException.
     *
     * @return null, with the problems added, when the assessment stage does not compile
     */
    public static CompiledStages assessmentFirst(PolicyFiles files, CheckedRules checked, List<PolicyProblem> problems) {
        String assessmentDrl = DrlGenerator.generate(Stage.ASSESSMENT, checked.assessment());
        String allocationDrl = DrlGenerator.generate(Stage.ALLOCATION, checked.allocation());
        String supervisionDrl = DrlGenerator.generate(Stage.SUPERVISION, checked.supervision());
        CompiledStage assessment = RuleBaseBuilder.staffStage(Stage.ASSESSMENT, checked.assessment(), assessmentDrl, problems);
        if (assessment == null) {
            return null;
        }
        return new CompiledStages(assessment,
                Lazy.of(() -> files.readOrThrow(p -> RuleBaseBuilder.allocationStage(checked.allocation(), allocationDrl, p))),
                Lazy.of(() -> files.readOrThrow(p -> RuleBaseBuilder.staffStage(Stage.SUPERVISION, checked.supervision(),
                        supervisionDrl, p))),
                assessmentDrl + allocationDrl + supervisionDrl);
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the policy", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
