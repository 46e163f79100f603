package org.carrierrules.internal.scenario;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One base of {@code scenarios/bases.yaml}: what its scenarios start from, and where staff fix it when it no
 * longer fits the policy.
 *
 * @param name         its name in its section
 * @param line         the line of the file where it starts
 * @param input        the whole input; a submission's applications written {@code {from, set}} resolved
 * @param applications for a submission, by place in its {@code applications}, the application base each written
 *                     {@code {from: 样例名}} comes from; empty for the other kinds
 */
record Base(String name, int line, JsonNode input, Map<Integer, Base> applications) {
    Base {
        applications = Map.copyOf(applications);
    }
}
