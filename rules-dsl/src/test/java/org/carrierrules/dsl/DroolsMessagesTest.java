package org.carrierrules.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each translation, on a raw text that Drools 10.2.0 really produced ({@code Message.getText()}),
 * captured by compiling the broken rule shown beside it the way RuleBaseBuilder does (MVEL path,
 * the vocabulary's DSL and header, {@code package rules.x;}). Texts marked ANTLR4 came from the same
 * rules compiled with Drools' new parser ({@code -Ddrools.drl.antlr4.parser.enabled=true}), which
 * words its syntax errors differently; the library runs the default parser today.
 */
class DroolsMessagesTest {
    private static final String SYNTAX_HINT = "（请检查 rule、when、then、end 是否齐全成对，引号、括号是否配对）";

    static Stream<Arguments> rawTexts() {
        return Stream.of(
                // .dslr, a line under when that no sentence matches: 申请单位未依法成立
                Arguments.of("[5] Unable to expand: 申请单位未依法成立",
                        "这句话不在规则词汇表中：“申请单位未依法成立”"),
                // .dslr, a constraint under a condition on another fact: 申请单位未依法设立 / - 不是A4纸
                Arguments.of("Unable to Analyse Expression !paperSize.equalsIgnoreCase(\"A4\"):\n"
                                + "[Error: unable to resolve method using strict-mode: org.carrierrules.Applicant.paperSize()]\n"
                                + "[Near : {... !paperSize.equalsIgnoreCase(\"A4 ....}]\n"
                                + "              ^\n"
                                + "[Line: 5, Column: 4]",
                        "没有名为“paperSize”的字段（是否拼写有误？）"),
                // .drl: Applicnt( )
                Arguments.of("Unable to resolve ObjectType 'Applicnt'",
                        "不认识的对象类型“Applicnt”"),
                // .dslr, two rules named 纸质材料未编制目录
                Arguments.of("Duplicate rule name: 纸质材料未编制目录",
                        "规则名称重复：“纸质材料未编制目录”，每条规则须有唯一的名称"),
                // .drl: package x;;  (the old parser names what it expected)
                Arguments.of("[ERR 107] Line 1:10 mismatched input ';' expecting one of the following tokens: "
                                + "'[package, unit, import, global, declare, function, rule, query]'.",
                        "语法错误：此处不应出现“;”" + SYNTAX_HINT),
                // ANTLR4, .drl: $a :  (nothing after the binding)
                Arguments.of("mismatched input 'end' expecting {'(', '.'}",
                        "语法错误：此处不应出现“end”" + SYNTAX_HINT),
                // .drl: Applicant( name == "x"  (no closing parenthesis before then)
                Arguments.of("[ERR 102] Line 6:0 mismatched input 'then' in rule \"申请单位未依法设立\"",
                        "语法错误：此处不应出现“then”" + SYNTAX_HINT),
                // .drl: the last rule has no end
                Arguments.of("[ERR 102] Line 8:0 mismatched input '<eof>' in rule \"x\"",
                        "语法错误：此处不应出现“<eof>”" + SYNTAX_HINT),
                // .drl: Applicant( name == == "x" )
                Arguments.of("[ERR 101] Line 4:23 no viable alternative at input '==' in rule \"x\"",
                        "语法错误：无法理解“==”附近的内容（请检查括号、引号是否配对）"),
                // ANTLR4, .drl: Applicant( ) from  (then missing before end)
                Arguments.of("missing 'then' at 'end'",
                        "语法错误：“end”之前缺少“'then'”"),
                // ANTLR4, .drl: Applicant( ) )
                Arguments.of("extraneous input ')' expecting 'then'",
                        "语法错误：多余的“)”"),
                // Not known yet, so said with the raw text. .dslr: 通知补正该材料 without 本类载体须提交的材料
                Arguments.of("Rule Compilation error $required cannot be resolved to a variable",
                        "规则无法编译（引擎原文）：Rule Compilation error $required cannot be resolved to a variable"),
                // Not known yet: follows any syntax error of a .drl
                Arguments.of("Parser returned a null Package",
                        "规则无法编译（引擎原文）：Parser returned a null Package"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawTexts")
    void translates(String raw, String chinese) {
        assertEquals(chinese, DroolsMessages.translate(raw));
    }
}
