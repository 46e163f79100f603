package org.carrierrules.internal.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import org.carrierrules.CarrierType;
import org.carrierrules.application.ApplicantType;

/**
 * The shape of {@code parameters.yaml}: the round's named values that rules compare facts with, e.g.
 * {@code 「最低年培训人数」}, each with its clause, one value for all or a value by carrier type and applicant
 * type. A policy needs it only when its rules name a parameter. Read strictly; the values are read by their
 * declared kind where the file is checked ({@code RoundParameters}), each problem at its line.
 *
 * @param parameters in the order the staff guide and {@code check} list them
 */
public record ParametersFile(@JsonProperty(required = true) @JsonPropertyDescription("本轮参数") List<Parameter> parameters) {
    public static final String PATH = "parameters.yaml";

    /**
     * One parameter: {@code value} for every application, or {@code values} by situation (the first that applies).
     */
    public record Parameter(@JsonProperty(required = true) @JsonPropertyDescription("规则中写在「」中的名称") String name,
                            @JsonProperty(required = true) @JsonPropertyDescription("整数、小数、是否、日期或文本") String type,
                            @JsonPropertyDescription("数值的单位，如 人") String unit,
                            @JsonProperty(required = true) @JsonPropertyDescription("依据条款") String reference,
                            @JsonPropertyDescription("对所有申报适用的值") JsonNode value,
                            @JsonPropertyDescription("按载体类型和申报单位类型区分的值") List<Case> values) {
    }

    /** A value and whom it applies to; a list left out applies to every type. */
    public record Case(@JsonPropertyDescription("适用的载体类型") List<CarrierType> carrierTypes,
                       @JsonPropertyDescription("适用的申报单位类型") List<ApplicantType> applicantTypes,
                       @JsonProperty(required = true) @JsonPropertyDescription("值") JsonNode value) {
    }
}
