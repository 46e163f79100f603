package org.carrierrules.supervision;

/**
 * What a host may want to show about the round's supervision rules (跟踪管理, notice 五).
 *
 * @param idleYears               how many consecutive complete idle years revoke a carrier (连续3年未从事相关培训活动)
 * @param missingYearCountsAsZero whether a year with no training record counts as a year with no training
 * @param revokingAuthority       who revokes under 五 (市人力资源保障部门); the district only reports to it
 * @param reference               the sentence of 五 these rules apply
 */
public record SupervisionInfo(int idleYears, boolean missingYearCountsAsZero, String revokingAuthority, String reference) {
}
