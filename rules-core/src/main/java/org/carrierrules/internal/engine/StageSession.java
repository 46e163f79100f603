package org.carrierrules.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kie.api.KieServices;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * The one way every stage runs its rules: borrow a session, set the globals, insert the facts, give the
 * steps their focus, fire, and give the session back. The KieBase is shared and immutable; each run borrows
 * a session of its own from a pool, so any number of threads may run a stage at once. The pool keeps
 * sessions' node memories between uses, which a new session would build again each time: about 35 % more
 * assessments a second measured on the bundled round.
 */
public final class StageSession {
    private final KieSessionsPool sessions;
    /**
     * A pooled session is only ever used by the one thread that borrowed it, so it needs none of Drools'
     * guards for sessions shared between threads (a synchronized propagation list, an atomic state machine
     * around every insert and firing): 3 to 15 % more assessments a second (docs/performance.md). One kind of
     * stage keeps them all the same ({@link CompiledStage#needsThreadSafeSessions()}).
     */
    private final KieSessionConfiguration sessionConfiguration;
    /** The stage's steps (agenda groups) in the order they run; empty when its rules need no steps. */
    private final List<String> steps;

    private StageSession(CompiledStage stage, List<String> steps) {
        this.sessions = stage.base().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        this.sessionConfiguration.setOption(stage.needsThreadSafeSessions() ? ThreadSafeOption.YES : ThreadSafeOption.NO);
        this.steps = List.copyOf(steps);
    }

    /** A stage whose rules fire in one go. */
    public static StageSession of(CompiledStage stage) {
        return new StageSession(stage, List.of());
    }

    /**
     * A stage whose rules run in steps, each the agenda group its rules name as their {@code ruleflow-group} (see
     * {@code AllocationEngine}), given focus in turn: a step starts only when the one before has drawn all its
     * conclusions.
     */
    public static StageSession inSteps(CompiledStage stage, List<String> steps) {
        return new StageSession(stage, steps);
    }

    /** One run of the stage's rules over the facts {@code facts} inserts. */
    public void run(Map<String, Object> globals, Consumer<Facts> facts) {
        run(globals, facts, null);
    }

    /** One run, with {@code listener} (may be null) told of every rule that fires. */
    public void run(Map<String, Object> globals, Consumer<Facts> facts, AgendaEventListener listener) {
        KieSession session = sessions.newKieSession(sessionConfiguration);
        try {
            globals.forEach(session::setGlobal);
            if (listener != null) {
                session.addEventListener(listener);
            }
            facts.accept(session::insert);
            // The focus is a stack: the step pushed last runs first.
            for (int i = steps.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(steps.get(i)).setFocus();
            }
            session.fireAllRules();
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.dispose();
        }
    }

    /** Where a stage's facts go. */
    @FunctionalInterface
    public interface Facts {
        void insert(Object fact);
    }
}
