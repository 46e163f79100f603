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
     * Reviews a recognised carrier as of {@code asOf} (跟踪管理, 五): REVOKE (取消认定, which under 五 the
     * city bureau decides on the district's report), RECTIFY (通知改正) or KEEP. Only what was found on
     * or before {@code asOf} counts; nothing reads the system clock. A carrier recognised after
     * {@code asOf} has nothing found against it yet and is kept.
     */
    public CarrierReview review(Carrier carrier, LocalDate asOf) {
        return policy.review(Objects.requireNonNull(carrier, "carrier"), Objects.requireNonNull(asOf, "asOf"));
    }

    /** One review per carrier, all as of the same date, in the same order. */
    public List<CarrierReview> reviewAll(List<Carrier> carriers, LocalDate asOf) {
        List<CarrierReview> results = new ArrayList<>(carriers.size());
        for (Carrier carrier : carriers) {
            results.add(review(carrier, asOf));
        }
        return List.copyOf(results);
    }

    /** The round's supervision parameters (五), for display. */
    public SupervisionInfo supervision() {
        return policy.supervisionInfo();
    }

    /** The round and fingerprint that every decision of this instance carries. */
    public PolicyRef policy() {
        return policy.ref();
    }

    /** The round's parameters, for display. */
    public RoundInfo round() {
        return policy.roundInfo();
    }

    /** Built on first use, then shared: compiling the rules is the costly part. */
    private static final class Bundled {
        static final CarrierRules INSTANCE = new CarrierRules(LoadedPolicy.bundled(BUNDLED_ROUND));
    }
}
