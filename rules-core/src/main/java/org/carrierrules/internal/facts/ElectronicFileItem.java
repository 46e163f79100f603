package org.carrierrules.internal.facts;

/**
 * One file of an application's electronic copy, carrying the applicant's name it must be named after (四(二):
 * 以申报单位名称命名): one fact per file, so that the rule about each file reads that fact alone instead of joining
 * the files with the application.
 *
 * @param fileName      the file's name, extension included
 * @param applicantName the applicant's registered name
 */
public record ElectronicFileItem(String fileName, String applicantName) {
}
