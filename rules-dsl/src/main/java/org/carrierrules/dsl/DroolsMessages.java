package org.carrierrules.dsl;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' compiler speaks to programmers (“[ERR 102] Line 20:0 mismatched input 'then' in rule
 * "R002"”). A policy officer needs the same fact in plain Chinese; this turns the raw texts seen in
 * practice into that, and keeps the raw text, prefixed, for anything not yet known.
 */
public final class DroolsMessages {
    private record Translation(Pattern raw, Function<Matcher, String> chinese) {
    }

    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation(Pattern.compile("Unable to expand:\\s*(.*)", Pattern.DOTALL),
                    m -> "这句话不在规则词汇表中：“" + m.group(1).strip() + "”"),
            new Translation(Pattern.compile("unable to resolve method using strict-mode:\\s*\\S*?\\.(\\w+)\\(\\)", Pattern.DOTALL),
                    m -> "没有名为“" + m.group(1) + "”的字段（是否拼写有误？）"),
            new Translation(Pattern.compile("Unable to resolve ObjectType '(\\w+)'"),
                    m -> "不认识的对象类型“" + m.group(1) + "”"),
            new Translation(Pattern.compile("Duplicate rule name:?\\s*(.*)", Pattern.DOTALL),
                    m -> "规则名称重复：“" + m.group(1).strip() + "”，每条规则须有唯一的名称"),
            new Translation(Pattern.compile("mismatched input '([^']*)'.*?expecting", Pattern.DOTALL),
                    m -> "语法错误：此处不应出现“" + m.group(1) + "”（请检查 rule、when、then、end 是否齐全成对，引号、括号是否配对）"),
            new Translation(Pattern.compile("mismatched input '([^']*)'", Pattern.DOTALL),
                    m -> "语法错误：此处不应出现“" + m.group(1) + "”（请检查 rule、when、then、end 是否齐全成对，引号、括号是否配对）"),
            new Translation(Pattern.compile("no viable alternative at input '([^']*)'", Pattern.DOTALL),
                    m -> "语法错误：无法理解“" + m.group(1) + "”附近的内容（请检查括号、引号是否配对）"),
            new Translation(Pattern.compile("missing (\\S+) at '([^']*)'", Pattern.DOTALL),
                    m -> "语法错误：“" + m.group(2) + "”之前缺少“" + m.group(1) + "”"),
            new Translation(Pattern.compile("extraneous input '([^']*)'", Pattern.DOTALL),
                    m -> "语法错误：多余的“" + m.group(1) + "”"));

    private DroolsMessages() {
    }

    /** The raw message of Drools' compiler, said in plain Chinese. */
    public static String translate(String raw) {
        for (Translation translation : TRANSLATIONS) {
            Matcher matcher = translation.raw().matcher(raw);
            if (matcher.find()) {
                return translation.chinese().apply(matcher);
            }
        }
        return "规则无法编译（引擎原文）：" + raw.strip();
    }
}
