package org.carrierrules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.Material;

/**
 * Named changes to a valid application, each known in advance to make it ineligible or defective,
 * so that a property can say what the answer must be without asking the library.
 */
final class Mutations {
    record Mutation(String name, boolean makesIneligible, UnaryOperator<Application> apply) {
    }

    static final List<Mutation> ALL = List.of(
            new Mutation("不在申报对象之内", true, app -> applicant(app, ApplicantType.GOVERNMENT_AGENCY, true, "罗湖区")),
            new Mutation("未依法设立", true, app -> applicant(app, app.applicant().type(), false, "罗湖区")),
            new Mutation("外区登记", true, app -> applicant(app, app.applicant().type(), true, "南山区")),
            new Mutation("逾期提交", true, app -> new Application(app.id(), app.carrierType(),
                    Instant.parse("2024-08-26T01:00:00Z"), app.applicant(), app.materials(), app.paperCopy(), app.electronicCopy())),
            new Mutation("首个材料未盖章", false, app -> firstMaterial(app,
                    m -> new Material(m.code(), m.fileName(), m.format(), false, m.legible(), m.pagesComplete(), m.skewed()))),
            new Mutation("首个材料歪斜", false, app -> firstMaterial(app,
                    m -> new Material(m.code(), m.fileName(), m.format(), m.sealed(), m.legible(), m.pagesComplete(), true))),
            new Mutation("缺最后一项材料", false, app -> app.withMaterials(app.materials().subList(0, app.materials().size() - 1))),
            new Mutation("未交纸质材料", false, app -> new Application(app.id(), app.carrierType(), app.submittedAt(),
                    app.applicant(), app.materials(), null, app.electronicCopy())),
            new Mutation("电子版顺序不一致", false, app -> new Application(app.id(), app.carrierType(), app.submittedAt(),
                    app.applicant(), app.materials(), app.paperCopy(),
                    new ElectronicCopy(app.electronicCopy().files(), false))));

    private Mutations() {
    }

    /** The mutations whose bit is set in {@code mask}, in order. */
    static List<Mutation> of(int mask) {
        List<Mutation> chosen = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                chosen.add(ALL.get(i));
            }
        }
        return chosen;
    }

    static int masks() {
        return (1 << ALL.size()) - 1;
    }

    static Application apply(Application app, int mask) {
        Application result = app;
        for (Mutation mutation : of(mask)) {
            result = mutation.apply().apply(result);
        }
        return result;
    }

    private static Application applicant(Application app, ApplicantType type, boolean legal, String district) {
        Applicant a = app.applicant();
        return new Application(app.id(), app.carrierType(), app.submittedAt(),
                new Applicant(a.name(), a.creditCode(), type, a.hasTrainingFunction(), legal, district),
                app.materials(), app.paperCopy(), app.electronicCopy());
    }

    private static Application firstMaterial(Application app, UnaryOperator<Material> change) {
        List<Material> materials = new ArrayList<>(app.materials());
        materials.set(0, change.apply(materials.get(0)));
        return app.withMaterials(materials);
    }
}
