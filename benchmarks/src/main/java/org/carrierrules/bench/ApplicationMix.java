package org.carrierrules.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.carrierrules.CarrierType;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.CreditCode;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FactValues;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.Material;
import org.carrierrules.application.PaperCopy;
import org.carrierrules.json.ApplicationJson;

/**
 * Applications to the bundled 罗湖区 2024 round, generated from a seed so that every run measures
 * the same inputs. The mix is meant to look like a real intake: about 60 % complete and in form,
 * 30 % with one to three defects to be supplemented, 10 % not eligible (half of those also
 * defective). Valid applications vary where the notice allows it (full- and half-width brackets in
 * names, 深圳市罗湖区 for 罗湖区, material files named with more than the material's name), so that
 * name normalisation is exercised as it would be.
 * <p>
 * Written out by hand from the notice and the illustrative material list, not read from the
 * library, so that a change in the library's round data shows up as disagreement, not as silence.
 * <p>
 * {@code main(count, file)} writes the applications as the contract's JSON array, for timing the
 * command line.
 */
public final class ApplicationMix {
    public static final long SEED = 20240729L;

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Instant OPENS = Instant.parse("2024-08-11T16:00:00Z");
    private static final Instant CLOSES = Instant.parse("2024-08-25T10:00:00Z");
    private static final String[][] COMMON = {
        {"APPLICATION_FORM", "申报表"}, {"LEGAL_REGISTRATION", "法人登记证书"},
        {"CREDIT_COMMITMENT", "信用承诺书"}, {"TRAINING_RECORD", "培训开展情况"}};
    private static final String[][] BASE = {{"FACILITIES", "场地设施设备情况"}, {"FACULTY", "师资队伍情况"}};
    private static final String[][] STUDIO = {{"MASTER_CREDENTIALS", "技能大师资格证明"}, {"STUDIO_PLAN", "工作室建设方案"}};
    private static final String[][] STATION = {{"RURAL_TRAINING_PLAN", "涉农培训帮扶方案"}};
    private static final List<ApplicantType> ELIGIBLE = List.of(ApplicantType.ENTERPRISE, ApplicantType.ENTERPRISE,
            ApplicantType.ENTERPRISE, ApplicantType.INDUSTRY_ASSOCIATION, ApplicantType.TRAINING_INSTITUTION,
            ApplicantType.TRAINING_INSTITUTION, ApplicantType.HIGHER_EDUCATION, ApplicantType.VOCATIONAL_COLLEGE,
            ApplicantType.TECHNICAL_SCHOOL, ApplicantType.PUBLIC_INSTITUTION);
    private static final List<ApplicantType> NOT_ELIGIBLE = List.of(ApplicantType.INDIVIDUAL_BUSINESS,
            ApplicantType.PRIVATE_NON_ENTERPRISE, ApplicantType.GOVERNMENT_AGENCY, ApplicantType.OTHER);
    private static final String[] NAME_WORDS = {"鹏程", "东门", "翠竹", "莲塘", "清水河", "笋岗", "黄贝", "南湖", "桂园", "东晓"};
    private static final String[] NAME_ENDINGS = {"职业培训学校", "技能培训中心有限公司", "科技（集团）有限公司", "餐饮服务行业协会",
        "职业技术学院", "珠宝首饰有限公司", "（深圳）物流有限公司"};
    private static final String[] DISTRICT_SPELLINGS = {"罗湖区", "罗湖区", "罗湖区", "深圳市罗湖区", "广东省深圳市罗湖区"};

    private final Random random;

    private ApplicationMix(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} applications from {@code seed}; the same arguments always give equal lists. */
    public static List<Application> generate(int count, long seed) {
        ApplicationMix mix = new ApplicationMix(seed);
        List<Application> applications = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            applications.add(mix.next(String.format("LH2024-%06d", i + 1)));
        }
        return applications;
    }

    private Application next(String id) {
        Application application = valid(id);
        double kind = random.nextDouble();
        if (kind >= 0.9) {
            application = ineligible(application);
            if (random.nextBoolean()) {
                application = defective(application);
            }
        } else if (kind >= 0.6) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                application = defective(application);
            }
        }
        return application;
    }

    private Application valid(String id) {
        CarrierType type = CarrierType.values()[random.nextInt(CarrierType.values().length)];
        String name = "深圳市罗湖区" + pick(NAME_WORDS) + pick(NAME_ENDINGS);
        Applicant applicant = new Applicant(name, creditCode(), pick(ELIGIBLE), true, true, pick(DISTRICT_SPELLINGS));
        List<Material> materials = new ArrayList<>();
        for (String[] m : required(type)) {
            String fileName = random.nextInt(4) == 0 ? "0" + (materials.size() + 1) + "-" + m[1] + "（盖章）.pdf" : m[1] + ".pdf";
            materials.add(new Material(m[0], fileName, FileFormat.PDF, true, true, true, false));
        }
        // Files named with half-width brackets where the registered name has full-width ones: the same name (NFKC).
        String fileBase = random.nextBoolean() ? name.replace('（', '(').replace('）', ')') : name;
        ElectronicCopy electronic = new ElectronicCopy(List.of(new ElectronicFile(fileBase + ".pdf", FileFormat.PDF),
                new ElectronicFile(fileBase + ".docx", FileFormat.WORD)), true);
        Instant at = OPENS.plusSeconds((long) (random.nextDouble() * (CLOSES.getEpochSecond() - OPENS.getEpochSecond())));
        return new Application(id, type, at, applicant, materials, new PaperCopy(2, "A4", true, true, true), electronic);
    }

    static List<String[]> required(CarrierType type) {
        List<String[]> materials = new ArrayList<>(List.of(COMMON));
        materials.addAll(List.of(switch (type) {
            case HIGH_SKILL_TRAINING_BASE -> BASE;
            case SKILL_MASTER_STUDIO -> STUDIO;
            case RURAL_REVITALIZATION_STATION -> STATION;
        }));
        return materials;
    }

    private String creditCode() {
        StringBuilder code = new StringBuilder(18);
        for (int i = 0; i < 17; i++) {
            code.append(CREDIT_ALPHABET.charAt(random.nextInt(CREDIT_ALPHABET.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A change that makes an application not eligible (二, 四(一)). */
    private Application ineligible(Application app) {
        Applicant a = app.applicant();
        return switch (random.nextInt(5)) {
            case 0 -> applicant(app, pick(NOT_ELIGIBLE), true, true, a.registeredDistrict());
            case 1 -> applicant(app, ApplicantType.PUBLIC_INSTITUTION, false, true, a.registeredDistrict());
            case 2 -> applicant(app, a.type(), a.hasTrainingFunction(), false, a.registeredDistrict());
            case 3 -> applicant(app, a.type(), a.hasTrainingFunction(), true, random.nextBoolean() ? "南山区" : "深圳市福田区");
            default -> submittedAt(app, random.nextBoolean()
                    ? CLOSES.plusSeconds(1 + random.nextInt(86_400 * 3)) : OPENS.minusSeconds(1 + random.nextInt(86_400)));
        };
    }

    /** A change that makes the materials incomplete or not in form (四(二)); the last one only adds a note. */
    private Application defective(Application app) {
        return switch (random.nextInt(19)) {
            case 0 -> withoutMaterial(app);
            case 1 -> material(app, m -> new Material(m.code(), m.fileName().replace(".pdf", ".jpg"), FileFormat.IMAGE,
                    m.sealed(), m.legible(), m.pagesComplete(), m.skewed()));
            case 2 -> material(app, m -> new Material(m.code(), m.fileName(), m.format(), false, m.legible(), m.pagesComplete(), m.skewed()));
            case 3 -> material(app, m -> new Material(m.code(), m.fileName(), m.format(), m.sealed(), false, m.pagesComplete(), m.skewed()));
            case 4 -> material(app, m -> new Material(m.code(), m.fileName(), m.format(), m.sealed(), m.legible(), false, m.skewed()));
            case 5 -> material(app, m -> new Material(m.code(), m.fileName(), m.format(), m.sealed(), m.legible(), m.pagesComplete(), true));
            case 6 -> material(app, m -> new Material(m.code(), "扫描件" + (1 + random.nextInt(9)) + ".pdf", m.format(),
                    m.sealed(), m.legible(), m.pagesComplete(), m.skewed()));
            case 7 -> paper(app, null);
            case 8 -> paper(app, new PaperCopy(1, "A4", true, true, true));
            case 9 -> paper(app, new PaperCopy(2, random.nextBoolean() ? "A3" : "B5", true, true, true));
            // "a4" is A4 all the same; the missing binding, contents or page numbers are defects.
            case 10 -> paper(app, new PaperCopy(2, "a4", false, random.nextBoolean(), random.nextBoolean()));
            case 11 -> electronic(app, null);
            case 12 -> electronic(app, new ElectronicCopy(List.of(), true));
            case 13 -> electronic(app, new ElectronicCopy(List.of(file(app, ".pdf", FileFormat.PDF)), true));
            case 14 -> electronic(app, new ElectronicCopy(List.of(file(app, ".docx", FileFormat.WORD)), true));
            case 15 -> electronic(app, new ElectronicCopy(List.of(file(app, "-1.pdf", FileFormat.PDF),
                    file(app, "-2.pdf", FileFormat.PDF), file(app, ".docx", FileFormat.WORD)), true));
            case 16 -> electronic(app, new ElectronicCopy(List.of(new ElectronicFile("申报材料.pdf", FileFormat.PDF),
                    file(app, ".docx", FileFormat.WORD)), true));
            case 17 -> electronic(app, new ElectronicCopy(app.electronicCopy() == null ? List.of() : app.electronicCopy().files(), false));
            default -> extraMaterial(app, random.nextBoolean() ? "MASTER_CREDENTIALS" : "HONOURS");
        };
    }

    private static Application applicant(Application app, ApplicantType type, boolean trainingFunction, boolean legal, String district) {
        Applicant a = app.applicant();
        return new Application(app.id(), app.carrierType(), app.submittedAt(),
                new Applicant(a.name(), a.creditCode(), type, trainingFunction, legal, district),
                app.materials(), app.paperCopy(), app.electronicCopy());
    }

    private static Application submittedAt(Application app, Instant at) {
        return new Application(app.id(), app.carrierType(), at, app.applicant(), app.materials(), app.paperCopy(), app.electronicCopy());
    }

    private Application withoutMaterial(Application app) {
        if (app.materials().isEmpty()) {
            return app;
        }
        List<Material> materials = new ArrayList<>(app.materials());
        materials.remove(random.nextInt(materials.size()));
        return app.withMaterials(materials);
    }

    private Application material(Application app, UnaryOperator<Material> change) {
        if (app.materials().isEmpty()) {
            return app;
        }
        List<Material> materials = new ArrayList<>(app.materials());
        int i = random.nextInt(materials.size());
        materials.set(i, change.apply(materials.get(i)));
        return app.withMaterials(materials);
    }

    private static Application extraMaterial(Application app, String code) {
        List<Material> materials = new ArrayList<>(app.materials());
        materials.add(new Material(code, code + ".pdf", FileFormat.PDF, true, true, true, false));
        return app.withMaterials(materials);
    }

    private static Application paper(Application app, PaperCopy paper) {
        return new Application(app.id(), app.carrierType(), app.submittedAt(), app.applicant(), app.materials(), paper, app.electronicCopy());
    }

    private static Application electronic(Application app, ElectronicCopy copy) {
        return new Application(app.id(), app.carrierType(), app.submittedAt(), app.applicant(), app.materials(), app.paperCopy(), copy);
    }

    private static ElectronicFile file(Application app, String suffix, FileFormat format) {
        return new ElectronicFile(app.applicant().name() + suffix, format);
    }

    /** Writes {@code args[0]} applications (seed {@link #SEED}) to the file {@code args[1]} as a JSON array. */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]));
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (Application application : generate(count, SEED)) {
                json.writeRawValue(ApplicationJson.write(application));
                json.writeRaw('\n');
            }
            json.writeEndArray();
        }
        System.out.println(count + " applications written to " + args[1]);
    }

    /**
     * The applications with the facts the example policy {@code samples/policies/extended-example} declares: about
     * one in five below its training-scale, apprentice or founding-date floors, one in twenty on the credit blacklist.
     */
    static List<Application> withExampleFacts(List<Application> applications, long seed) {
        Random random = new Random(seed);
        List<Application> withFacts = new ArrayList<>(applications.size());
        String[] qualifications = {"CHIEF_TECHNICIAN", "SENIOR_TECHNICIAN", "TECHNICIAN", "SENIOR_WORKER"};
        for (Application application : applications) {
            FactValues.Builder facts = FactValues.builder()
                    .date("establishedOn", LocalDate.of(2005, 1, 1).plusDays(random.nextInt(20 * 365)))
                    .yesNo("onCreditBlacklist", random.nextInt(20) == 0);
            switch (application.carrierType()) {
                case HIGH_SKILL_TRAINING_BASE -> facts.number("annualTrainees", random.nextInt(3_000))
                        .yesNo("onlinePlatform", random.nextInt(10) == 0);
                case SKILL_MASTER_STUDIO -> facts.number("apprentices", random.nextInt(20))
                        .text("leaderQualification", qualifications[random.nextInt(qualifications.length)]);
                case RURAL_REVITALIZATION_STATION -> { }
            }
            withFacts.add(application.withFacts(facts.build()));
        }
        return List.copyOf(withFacts);
    }
}
