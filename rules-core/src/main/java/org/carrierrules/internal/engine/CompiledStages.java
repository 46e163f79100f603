package org.carrierrules.internal.engine;

import java.util.ArrayList;
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
     * The stages written from the staff's files, the assessment stage on this thread while the supervision stage
     * compiles on a second: on two cores a directory loads (and reloads) in about the time of its largest stage,
     * with every problem of its files reported. The allocation stage (the library's rules, and the policy's few rules
     * of 排名资格 after them, whose sentences the checker has already held to the vocabulary) compiles on first use (or ahead of it, {@link #prepareAllocation()}), so
     * that {@code check} never waits for it. Problems come in the order of the stages, whichever finishes first;
     * with any, the stages are not to be used.
     */
    public static CompiledStages all(PolicyFiles files, CheckedRules checked, List<PolicyProblem> problems) {
        String assessmentDrl = DrlGenerator.generate(Stage.ASSESSMENT, checked.assessment());
        String allocationDrl = DrlGenerator.generate(Stage.ALLOCATION, checked.allocation());
        String supervisionDrl = DrlGenerator.generate(Stage.SUPERVISION, checked.supervision());
        List<PolicyProblem> laterProblems = new ArrayList<>();
        FutureTask<CompiledStage> later = new FutureTask<>(() -> RuleBaseBuilder.staffStage(Stage.SUPERVISION,
                checked.supervision(), supervisionDrl, laterProblems));
        // A new thread rather than a shared pool: it inherits the caller's context class loader,
        // through which Drools finds the fact classes when the library runs inside a container.
        Thread compiler = new Thread(later, "carrier-rules compile stages");
        compiler.setDaemon(true);
        compiler.start();
        CompiledStage assessment = RuleBaseBuilder.staffStage(Stage.ASSESSMENT, checked.assessment(), assessmentDrl, problems);
        CompiledStage supervision = await(later);
        problems.addAll(laterProblems);
        return new CompiledStages(assessment, allocationOnFirstUse(files, checked, allocationDrl), Lazy.of(() -> supervision),
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
        return new CompiledStages(assessment, allocationOnFirstUse(files, checked, allocationDrl),
                Lazy.of(() -> files.readOrThrow(p -> RuleBaseBuilder.staffStage(Stage.SUPERVISION, checked.supervision(),
                        supervisionDrl, p))),
                assessmentDrl + allocationDrl + supervisionDrl);
    }

    /**
     * Starts compiling the allocation stage on a second thread, for a caller about to need it after other work (the
     * scenario run, which decides applications first): it then waits for what is left, if anything. A stage that
     * fails to compile is reported by its first use, which tries again.
     */
    public void prepareAllocation() {
        Thread compiler = new Thread(() -> {
            try {
                allocation.get();
            } catch (RuntimeException e) {
                // Reported, with its problems, by the use that waits for it.
            }
        }, "carrier-rules compile allocation");
        compiler.setDaemon(true);
        compiler.start();
    }

    /** The library's allocation rules with the policy's rules of 排名资格 after them, compiled on first use. */
    private static Lazy<CompiledStage> allocationOnFirstUse(PolicyFiles files, CheckedRules checked, String allocationDrl) {
        return Lazy.of(() -> files.readOrThrow(p -> RuleBaseBuilder.allocationStage(checked.allocation(), allocationDrl, p)));
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
