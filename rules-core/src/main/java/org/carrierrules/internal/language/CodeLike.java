package org.carrierrules.internal.language;

import java.util.regex.Pattern;

/**
 * Recognises a line that looks like program code, only to tell staff so in plain words. It guards
 * nothing: no staff text is ever compiled, whatever this says; a line that is not a sentence of the
 * vocabulary is refused either way.
 */
final class CodeLike {
    private static final Pattern CODE = Pattern.compile(
            "[;{}]|\\b(import|package|global|function|query|declare|new|System|Runtime|eval|insert|modify|retract)\\b|\\$\\w+\\s*:|\\w\\s*\\(.*\\)");

    private CodeLike() {
    }

    static boolean is(String line) {
        return CODE.matcher(line).find();
    }

    static String refusal(String line) {
        return "规则文件只能写规则词汇表中的句子，不能写程序代码（Java、DRL 或 MVEL）：" + line;
    }
}
