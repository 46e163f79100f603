package org.carrierrules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.carrierrules.internal.LoadedPolicy;

/**
 * The library's one entry point: a round's policy, compiled once, that decides on applications.
 *
 * <pre>{@code
 * CarrierRules rules = CarrierRules.bundled();            // 罗湖区 2024 round
 * Assessment result = rules.assess(application);
 * result.acceptance();                                    // ACCEPTED, SUPPLEMENT_REQUIRED or NOT_ACCEPTED
 * }</pre>
 *
 * Instances are immutable and thread-safe: share one across the host application.
 */
public final class CarrierRules {
    /** The round shipped with the library. */
    public static final String BUNDLED_ROUND = "luohu-2024";

    private final LoadedPolicy policy;

    private CarrierRules(LoadedPolicy policy) {
        this.policy = policy;
    }

    /**
     * The bundled 罗湖区 2024 round. Its material list is an illustrative stand-in for the notice's
     * 附件1, which was not published with it ({@link RoundInfo#materialsIllustrative()}).
     */
    public static CarrierRules bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * A round from a policy directory ({@code round.yaml}, {@code materials.yaml}, {@code rules/}).
     *
     * @throws PolicyException listing, with file and line, everything wrong with the directory
     */
    public static CarrierRules fromDirectory(Path directory) {
        return new CarrierRules(LoadedPolicy.fromDirectory(Objects.requireNonNull(directory, "directory")));
    }

    /** Decides whether the application is accepted (受理), to be supplemented (补正) or not accepted. */
    public Assessment assess(Application application) {
        return policy.assess(Objects.requireNonNull(application, "application"));
    }

    /** One assessment per application, in the same order. */
    public List<Assessment> assessAll(List<Application> applications) {
        List<Assessment> results = new ArrayList<>(applications.size());
        for (Application application : applications) {
            results.add(assess(application));
        }
        return List.copyOf(results);
    }

    /**
     * The round's outcome: who may be ranked (四(三), 四(四)), the candidate list of each carrier type within
     * its quota (三), and what upheld objections change (四(五)); one entry per application, in order. The
     * list is publicly noticed from the first working day after the submission window closed.
     *
     * @throws InvalidInputException        for input that cannot be decided on, naming the application, expert
     *                                      and item: a sheet that does not fit the rubric, a review or objection
     *                                      of an unknown application, a second review, or another round's input
     * @throws CalendarYearMissingException when the notice period reaches a year the calendar has no data for
     */
    public Allocation allocate(RoundSubmission submission) {
        return policy.allocate(Objects.requireNonNull(submission, "submission"), null);
    }

    /** As {@link #allocate(RoundSubmission)}, with the candidate list publicly noticed from {@code noticeStart}. */
    public Allocation allocate(RoundSubmission submission, LocalDate noticeStart) {
        return policy.allocate(Objects.requireNonNull(submission, "submission"), Objects.requireNonNull(noticeStart, "noticeStart"));
    }

    /**
     * The round's public notice period (四(五): 公示5个工作日, the number from the round's data) from
     * {@code start}: the start counts as the first day when it is a working day, else counting begins with
     * the next working day.
     *
     * @throws CalendarYearMissingException when the period reaches a year the calendar has no data for
     */
    public NoticePeriod noticePeriod(LocalDate start) {
        return noticePeriod(start, policy.noticeWorkingDays());
    }

    /**
     * A period of {@code days} working days from {@code start}, on the round's calendar.
     *
     * @throws IllegalArgumentException     when {@code days} is less than 1
     * @throws CalendarYearMissingException when the period reaches a year the calendar has no data for
     */
    public NoticePeriod noticePeriod(LocalDate start, int days) {
        return policy.noticePeriod(Objects.requireNonNull(start, "start"), days);
    }

    /** The round and fingerprint that every decision of this instance carries. */
    public PolicyRef policy() {
        return policy.ref();
    }

    /** The round's parameters, for display. */
    public RoundInfo round() {
        return policy.roundInfo();
    }

    /** How the round's outcome is decided (passing score, trimming, notice days, backfill), for display. */
    public AllocationSettings allocationSettings() {
        return policy.allocationSettings();
    }

    /** Built on first use, then shared: compiling the rules is the costly part. */
    private static final class Bundled {
        static final CarrierRules INSTANCE = new CarrierRules(LoadedPolicy.bundled(BUNDLED_ROUND));
    }
}
