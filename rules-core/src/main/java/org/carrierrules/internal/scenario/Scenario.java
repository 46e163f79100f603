package org.carrierrules.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario, read and checked.
 *
 * @param file         the scenario file
 * @param line         the line where the scenario starts
 * @param roundChanges the changes to round.yaml it runs under: an object, perhaps empty
 * @param base         the base it starts from
 * @param input        its base with its changes
 * @param errorField   the field its input must be refused for ({@code expect.error}), or null when it must be decided
 * @param check        how its input is decided, and what it must come to
 */
record Scenario(String file, int line, String name, JsonNode roundChanges, Base base, JsonNode input, String errorField, Check check) {
}
