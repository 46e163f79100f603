package org.carrierrules.internal.facts;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;
import org.carrierrules.application.FactValues;

/**
 * What a policy's fact sentences and their message slots read of an application, whichever stage matched it: the
 * one {@link AssessedApplication} of 受理审查, or the {@link AllocationCase} a rule of 排名资格 is about. The types
 * and the facts the policy declares ({@code facts.yaml}), by which a sentence is tested ({@link FactConditions})
 * and a round parameter chosen ({@link RoundParameter#valueFor}).
 */
public interface ApplicationFacts {
    CarrierType carrierType();

    ApplicantType applicantType();

    FactValues facts();
}
