package org.carrierrules.internal.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.internal.policy.MaterialsFile;
import org.carrierrules.internal.policy.PolicyStatus;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.notice.NoticeDates;

/**
 * The round's parameters as the rules see them: one immutable fact per assessment, built from
 * {@code round.yaml} and {@code materials.yaml} once, when the policy is loaded. The rules ask it
 * questions ({@code admits(type)}, {@code isWithinWindow(t)}) so that no value of the round is
 * written into a rule.
 */
public final class Round {

    private final String id;
    private final String title;
    private final String authority;
    private final String notice;
    private final ZoneId zone;
    private final String districtName;
    private final Set<String> districtNames;
    private final LocalDateTime opens;
    private final LocalDateTime closes;
    private final Instant opensAt;
    private final Instant closesAt;
    private final int totalQuota;
    private final Map<CarrierType, Integer> quotas;
    private final Set<ApplicantType> eligible;
    private final Set<ApplicantType> requireTrainingFunction;
    private final int paperCopies;
    private final Map<String, String> materialNames;
    private final Map<CarrierType, List<RequiredMaterial>> requiredMaterials;
    private final boolean materialsIllustrative;
    private final int noticeWorkingDays;
    private final boolean backfillAfterUpheldObjection;
    private final List<RankingKey> rankingOrder;
    private final Comparator<AllocationCase> ranking;
    /** 四(三): until when an application told to supplement may come back corrected; null when the round takes no corrected version. */
    private final Instant supplementDeadline;
    private final String supplementClause;

    public Round(RoundFile round, MaterialsFile materials) {
        this.id = round.round();
        this.title = round.title();
        this.authority = round.authority();
        this.notice = round.notice();
        this.zone = ZoneId.of(round.timeZone());
        this.districtName = round.district().name();
        this.districtNames = Set.copyOf(nameVariants(round.district()));
        this.opens = round.window().opens();
        this.closes = round.window().closes();
        this.opensAt = opens.atZone(zone).toInstant();
        this.closesAt = closes.atZone(zone).toInstant();
        this.supplementDeadline = round.supplement() == null ? null : round.supplement().deadline().atZone(zone).toInstant();
        this.supplementClause = round.supplement() == null ? null : round.supplement().clause();
        this.totalQuota = round.carrierTypes().totalQuota();
        this.quotas = new EnumMap<>(round.carrierTypes().quotas());
        this.eligible = EnumSet.copyOf(round.applicants().eligible());
        this.requireTrainingFunction = round.applicants().requireTrainingFunction() == null
                || round.applicants().requireTrainingFunction().isEmpty()
                ? EnumSet.noneOf(ApplicantType.class)
                : EnumSet.copyOf(round.applicants().requireTrainingFunction());
        this.paperCopies = round.paperCopy().copies();
        this.materialNames = Map.copyOf(materials.catalogue());
        this.requiredMaterials = requiredByType(materials);
        this.materialsIllustrative = materials.status() == PolicyStatus.ILLUSTRATIVE;
        this.noticeWorkingDays = round.noticePeriod().workingDays();
        this.backfillAfterUpheldObjection = round.allocation().backfillAfterUpheldObjection();
        // Checked when the round was read (AllocationCitations): every key is one the library knows.
        this.rankingOrder = round.allocation().rankingOrder().stream()
                .map(step -> Objects.requireNonNull(RankingKey.named(step.key()), step.key())).toList();
        this.ranking = rankingOrder.stream().map(RankingKey::order).reduce(Comparator::thenComparing).orElseThrow();
    }

    private static List<String> nameVariants(RoundFile.District district) {
        List<String> names = new ArrayList<>();
        names.add(Names.normalise(district.name()));
        if (district.alsoWritten() != null) {
            district.alsoWritten().forEach(n -> names.add(Names.normalise(n)));
        }
        return names;
    }

    private static Map<CarrierType, List<RequiredMaterial>> requiredByType(MaterialsFile materials) {
        Map<CarrierType, List<RequiredMaterial>> byType = new EnumMap<>(CarrierType.class);
        for (CarrierType type : CarrierType.values()) {
            List<String> codes = new ArrayList<>(materials.required().common());
            codes.addAll(materials.required().byCarrierType().getOrDefault(type, List.of()));
            List<RequiredMaterial> list = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                list.add(new RequiredMaterial(codes.get(i), materials.catalogue().get(codes.get(i)), i));
            }
            byType.put(type, List.copyOf(list));
        }
        return byType;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String authority() {
        return authority;
    }

    public String notice() {
        return notice;
    }

    public ZoneId zone() {
        return zone;
    }

    public String districtName() {
        return districtName;
    }

    public boolean admits(ApplicantType type) {
        return eligible.contains(type);
    }

    public boolean requiresTrainingFunction(ApplicantType type) {
        return requireTrainingFunction.contains(type);
    }

    public boolean isInDistrict(String district) {
        return districtNames.contains(Names.normalise(district));
    }

    public boolean isOpen(CarrierType type) {
        return quota(type) > 0;
    }

    /** Both ends included (四(一): “2024年8月12日至25日18时”). */
    public boolean isWithinWindow(Instant at) {
        return !at.isBefore(opensAt) && !at.isAfter(closesAt);
    }

    /** Whether a time is after the window closed: a version submitted then is a corrected one or none (四(三)). */
    public boolean isAfterWindow(Instant at) {
        return at.isAfter(closesAt);
    }

    /** Until when a corrected version is taken (四(三) 补正); null when the round takes none. */
    public Instant supplementDeadline() {
        return supplementDeadline;
    }

    /** The clause corrections are taken under (四(三) in the 罗湖区 notice); null when the round takes none. */
    public String supplementClause() {
        return supplementClause;
    }

    public int paperCopies() {
        return paperCopies;
    }

    /** {@code at} as a local time of the round's zone, e.g. 2024年8月25日18:00:01. */
    public String localTime(Instant at) {
        return NoticeDates.dateTime(at.atZone(zone));
    }

    /** The window as it is read out to applicants. */
    public String windowText() {
        return NoticeDates.dateTime(opens) + "至" + NoticeDates.dateTime(closes) + "（北京时间）";
    }

    public LocalDateTime opens() {
        return opens;
    }

    public LocalDateTime closes() {
        return closes;
    }

    public int totalQuota() {
        return totalQuota;
    }

    public Map<CarrierType, Integer> quotas() {
        return quotas;
    }

    /** The places of a carrier type (三); 0 for a type the round does not open. */
    public int quota(CarrierType type) {
        return quotas.getOrDefault(type, 0);
    }

    /** 四(五): the candidate list is publicly noticed for this many working days. */
    public int noticeWorkingDays() {
        return noticeWorkingDays;
    }

    /** Whether a candidate's place freed by an upheld objection (异议成立, 四(五)) goes to the next ranked of its type. */
    public boolean backfillsAfterUpheldObjection() {
        return backfillAfterUpheldObjection;
    }

    /**
     * The order of the applications (四(四) 排名): by each key of {@code allocation.rankingOrder} in turn, the
     * score first. Total, since the id comes last, so the order never depends on the order of the input.
     */
    public Comparator<AllocationCase> ranking() {
        return ranking;
    }

    /** The key by which {@code ahead} comes before {@code behind}: the first on which they differ. Called from the rules. */
    public RankingKey decidingKey(AllocationCase ahead, AllocationCase behind) {
        for (RankingKey key : rankingOrder) {
            if (key.order().compare(ahead, behind) != 0) {
                return key;
            }
        }
        throw new IllegalStateException(ahead.id() + " and " + behind.id() + " are the same application");
    }

    /**
     * What else two applications of the same score have in common when {@code key} decides between them, as a
     * reason says it: 且提交时间相同 for the keys between the score and {@code key}, else nothing. Called from the rules.
     */
    public String tiedAlsoOn(RankingKey key) {
        List<String> same = rankingOrder.subList(1, rankingOrder.indexOf(key)).stream().map(RankingKey::label).toList();
        return same.isEmpty() ? "" : "且" + String.join("、", same) + "相同";
    }

    public List<RequiredMaterial> requiredMaterials(CarrierType type) {
        return requiredMaterials.get(type);
    }

    /** What {@code type} requires of a material of {@code code}, or null when it does not require one. */
    public RequiredMaterial requirement(CarrierType type, String code) {
        // A handful of codes: a walk over the list costs less than hashing the code (measured in an assessment).
        for (RequiredMaterial material : requiredMaterials.get(type)) {
            if (material.code().equals(code)) {
                return material;
            }
        }
        return null;
    }

    public Map<String, String> materialNames() {
        return materialNames;
    }

    public boolean materialsIllustrative() {
        return materialsIllustrative;
    }
}
