package org.carrierrules.internal.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.carrierrules.internal.tree.Shape;

/**
 * What a scenario is about, by the key that names its base: an application (受理, 四(三)), a recognised
 * carrier (跟踪管理, 五) or a round's submission (候选名单, 三、四(四)、四(五)). Each kind knows its section of
 * {@code bases.yaml}, the shape of its input, what its {@code expect:} may say, and how its input is decided
 * and compared ({@link #check}).
 */
sealed interface ScenarioKind permits ApplicationKind, CarrierKind, SubmissionKind {
    ScenarioKind APPLICATION = new ApplicationKind();
    ScenarioKind CARRIER = new CarrierKind();
    ScenarioKind SUBMISSION = new SubmissionKind();
    /** In the order {@code bases.yaml} is read: a submission's applications may be written {@code {from: 样例名}}. */
    List<ScenarioKind> ALL = List.of(APPLICATION, CARRIER, SUBMISSION);

    /** The scenario's key naming its base, e.g. {@code application}. */
    String key();

    /** The section of {@code bases.yaml} its bases are in, e.g. {@code applications}. */
    String section();

    /** The shape of its input, which every change is checked against. */
    Shape shape();

    /** The key of {@code expect:} that gives the conclusion (unless {@code error} is given instead), and what it is called. */
    String conclusion();

    String conclusionLabel();

    /** Every key its {@code expect:} may have. */
    Set<String> expectKeys();

    /**
     * What a scenario of this kind expects, read from its {@code expect:} ({@code error} is read apart), and how its
     * input is decided: {@code asOf} is the scenario's date for the kinds that are decided as of one, else null.
     */
    Check check(Expect expect, LocalDate asOf);
}
