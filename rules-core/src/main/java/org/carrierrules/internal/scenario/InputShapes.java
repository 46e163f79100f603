package org.carrierrules.internal.scenario;

import static org.carrierrules.internal.tree.Shape.choice;
import static org.carrierrules.internal.tree.Shape.optional;
import static org.carrierrules.internal.tree.Shape.required;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FileFormat;
import org.carrierrules.internal.policy.RoundFile;
import org.carrierrules.internal.tree.Shape;
import org.carrierrules.internal.tree.Shape.Dict;
import org.carrierrules.internal.tree.Shape.Field;
import org.carrierrules.internal.tree.Shape.Items;
import org.carrierrules.internal.tree.Shape.Keys;
import org.carrierrules.internal.tree.Shape.Kind;
import org.carrierrules.internal.tree.Shape.Obj;
import org.carrierrules.internal.tree.Shape.Value;
import org.carrierrules.supervision.EventType;

/**
 * The shapes of the inputs scenarios start from, as the contract gives them ({@code shared/spec/contract.md}:
 * "Application", "Review and allocation", "Revocation and supervision review") and as the readers of
 * {@code org.carrierrules.json} accept them: which fields, which are required, and of what type. The
 * readers stay the judge of what is refused (a credit code's check character, a negative count); these
 * shapes only let a scenario's change be checked before it runs. {@code ScenarioFilesTest} holds them to the readers.
 * A field added to the contract must be added here too.
 */
final class InputShapes {
    private static final Value TEXT = new Value(Kind.TEXT);
    private static final Value BOOLEAN = new Value(Kind.BOOLEAN);
    private static final Value INTEGER = new Value(Kind.INTEGER);
    private static final Value DATE = new Value(Kind.DATE);

    /** An application (input of {@code assess}); {@code paperCopy: ~} is a paper copy not handed in. */
    static final Obj APPLICATION = obj(
            "id", required(TEXT),
            "carrierType", required(choice(CarrierType.class)),
            "submittedAt", required(new Value(Kind.DATE_TIME)),
            "applicant", required(obj(
                    "name", required(TEXT),
                    "creditCode", required(TEXT),
                    "type", required(choice(ApplicantType.class)),
                    "hasTrainingFunction", required(BOOLEAN),
                    "legallyEstablished", required(BOOLEAN),
                    "registeredDistrict", required(TEXT))),
            "materials", required(new Items(obj(
                    "code", required(TEXT),
                    "fileName", required(TEXT),
                    "format", required(choice(FileFormat.class)),
                    "sealed", required(BOOLEAN),
                    "legible", required(BOOLEAN),
                    "pagesComplete", required(BOOLEAN),
                    "skewed", required(BOOLEAN)), false)),
            "paperCopy", optional(obj(
                    "copies", required(INTEGER),
                    "paperSize", required(TEXT),
                    "bound", required(BOOLEAN),
                    "tableOfContents", required(BOOLEAN),
                    "pageNumbers", required(BOOLEAN))),
            "electronicCopy", optional(obj(
                    "files", required(new Items(obj(
                            "fileName", required(TEXT),
                            "format", required(choice(FileFormat.class))), false)),
                    "orderMatchesPaper", required(BOOLEAN))),
            // The facts a policy declares (contract: "Facts a policy declares"): their keys and kinds are the policy's.
            "facts", optional(new Dict(Keys.ANY, new Value(Kind.FACT), false)));

    /** A recognised carrier (input of {@code review}): training participants by year, {@code {"2021": 45}}. */
    static final Obj CARRIER = obj(
            "carrierId", required(TEXT),
            "name", required(TEXT),
            "carrierType", required(choice(CarrierType.class)),
            "recognizedOn", required(DATE),
            "events", required(new Items(obj(
                    "type", required(choice(EventType.class)),
                    "date", required(DATE)), false)),
            "trainingActivity", required(new Dict(Keys.YEARS, INTEGER, false)));

    /** A round's applications, reviews and objections (input of {@code allocate}); expert scores by rubric item. */
    static final Obj SUBMISSION = obj(
            "round", required(TEXT),
            "applications", required(new Items(APPLICATION, false)),
            "reviews", required(new Items(obj(
                    "applicationId", required(TEXT),
                    "siteVisitPassed", required(BOOLEAN),
                    "expertScores", required(new Items(obj(
                            "expert", required(TEXT),
                            "items", required(new Dict(Keys.ANY, new Value(Kind.NUMBER), false))), false))), false)),
            "objections", required(new Items(obj(
                    "applicationId", required(TEXT),
                    "upheld", required(BOOLEAN)), false)),
            "noticeStart", optional(DATE));

    /** {@code round.yaml}, as Jackson reads it into {@link RoundFile}: a scenario's {@code round:} changes are checked against it. */
    static final Shape ROUND = Shape.of(RoundFile.class);

    private InputShapes() {
    }

    /** An object from name, field, name, field… in the contract's order. */
    private static Obj obj(Object... namesAndFields) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFields.length; i += 2) {
            fields.put((String) namesAndFields[i], (Field) namesAndFields[i + 1]);
        }
        return new Obj(fields);
    }
}
