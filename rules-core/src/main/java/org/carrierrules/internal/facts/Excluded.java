package org.carrierrules.internal.facts;

/**
 * Inserted by a policy's own rule of 排名资格 ({@code rules/allocation/}) for an application it keeps out of the
 * ranking (四(四): 实地考察未通过, 未达合格分, or a criterion of the district's); the library's rule ranks every
 * accepted, reviewed application for which none was inserted.
 */
public record Excluded(AllocationCase application) {
}
