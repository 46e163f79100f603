package org.carrierrules.internal.facts;

import java.time.Instant;

import org.carrierrules.CarrierType;
import org.carrierrules.application.Applicant;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactValues;
import org.carrierrules.application.Application;
import org.carrierrules.application.ElectronicCopy;
import org.carrierrules.application.ElectronicFile;
import org.carrierrules.application.FileFormat;
import org.carrierrules.application.PaperCopy;

/**
 * An application as the assessment rules read it (二 to 四(二)): one fact for the application, its applicant and its
 * paper and electronic copies, with what the rules ask of them as flat fields. Each fact an assessment inserts is
 * propagated into every rule starting from its type, and Drools compiles constraints on a fact's own fields to
 * bytecode but reads nested ones ({@code applicant.type}) through MVEL; one flat fact for all of them made an
 * assessment cheaper than three (docs/performance.md). Built once per assessment, never changed.
 *
 * @param application     the application as given, for its declared facts ({@link FactConditions})
 * @param paperCopy       the paper copy, or null when none was handed in; its fields follow, 0, null and false when null
 * @param electronicFiles how many electronic files were handed in; 0 when no electronic copy was
 * @param inPaperOrder    whether the electronic copy is in the order of the paper copy; true when none was handed in
 */
public record AssessedApplication(Application application, CarrierType carrierType, Instant submittedAt,
                                  ApplicantType applicantType, String applicantName, boolean hasTrainingFunction,
                                  boolean legallyEstablished, String registeredDistrict,
                                  PaperCopy paperCopy, int copies, String paperSize, boolean bound,
                                  boolean tableOfContents, boolean pageNumbers,
                                  int electronicFiles, int wordFiles, int pdfFiles, boolean inPaperOrder) implements ApplicationFacts {
    /** The facts the policy declares, as the application gave them. */
    @Override
    public FactValues facts() {
        return application.facts();
    }

    public static AssessedApplication of(Application application) {
        Applicant applicant = application.applicant();
        PaperCopy paper = application.paperCopy();
        ElectronicCopy electronic = application.electronicCopy();
        int word = 0;
        int pdf = 0;
        if (electronic != null) {
            for (ElectronicFile file : electronic.files()) {
                if (file.format() == FileFormat.WORD) {
                    word++;
                } else if (file.format() == FileFormat.PDF) {
                    pdf++;
                }
            }
        }
        return new AssessedApplication(application, application.carrierType(), application.submittedAt(),
                applicant.type(), applicant.name(), applicant.hasTrainingFunction(), applicant.legallyEstablished(),
                applicant.registeredDistrict(),
                paper, paper == null ? 0 : paper.copies(), paper == null ? null : paper.paperSize(),
                paper != null && paper.bound(), paper != null && paper.tableOfContents(), paper != null && paper.pageNumbers(),
                electronic == null ? 0 : electronic.files().size(), word, pdf, electronic == null || electronic.orderMatchesPaper());
    }
}
