package org.carrierrules.internal.policy;

import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import org.carrierrules.policy.PolicyProblem;

/**
 * A YAML file that cannot be read at all, told in plain Chinese at the line where the slip is. The YAML
 * parser says what it expected in English and marks two places, both counted from 0: the problem, and the
 * context it was in (the key whose colon it looked for, the bracket or quote left open). The context is
 * where a staff member finds the slip when the parser notices it only a line later; a colon typed full
 * width ({@code copies：2}, the colon of a Chinese keyboard) is named as such wherever it is the cause.
 */
final class YamlSyntax {
    /** A key at the start of a line followed by a full-width colon: {@code   copies：2}, {@code - name：国庆节}. */
    private static final Pattern FULL_WIDTH_KEY = Pattern.compile("^\\s*(?:-\\s+)?([^\\s#'\"\\[\\]{}:：,&*!|>%@`][^:：#]*?)\\s*：");
    private static final String FIX = "请检查这一行及上一行：缩进只用空格，同一级的键从同一列开始，键后面是半角冒号“:”再空一格，引号和括号成对";

    private YamlSyntax() {
    }

    /** Where the slip is, and what it is. */
    private record Slip(int line, String message) {
    }

    /** The problem for a file the YAML parser gave up on. */
    static PolicyProblem problem(String file, byte[] bytes, JsonProcessingException e) {
        Slip slip = slip(bytes, e);
        return new PolicyProblem(file, slip.line(), slip.message());
    }

    private static Slip slip(byte[] bytes, JsonProcessingException e) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharConversionException) {
                return new Slip(lineOfFirstByteNotUtf8(bytes), "文件不是 UTF-8 编码（这一行起无法识别）：请用 UTF-8 编码保存此文件");
            }
            if (cause instanceof ReaderException unreadable) {
                return new Slip(lineAt(text, unreadable.getPosition()), "这一行有不可见的控制字符（U+"
                        + String.format("%04X", unreadable.getCodePoint()) + "）：请删去它（常见于从其他软件复制来的文字）");
            }
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return marked(text.lines().toList(), marked);
            }
        }
        return new Slip(e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0), "YAML 格式有误，无法读取：" + FIX);
    }

    private static Slip marked(List<String> lines, MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        String context = String.valueOf(e.getContext());
        int at = e.getProblemMark().getLine() + 1;
        int opened = e.getContextMark() == null ? at : e.getContextMark().getLine() + 1;
        if (problem.contains("could not find expected ':'") || problem.contains("mapping values are not allowed")
                || problem.contains("expected <block end>")) {
            // What a full-width colon leads to: the key is not a key, and the parser trips over the line after it.
            for (int line = at; line >= Math.max(1, Math.min(opened, at - 1)); line--) {
                String key = line <= lines.size() ? fullWidthKey(lines.get(line - 1)) : null;
                if (key != null) {
                    return new Slip(line, fullWidthColon(key));
                }
            }
        }
        if (problem.contains("(TAB)")) {
            return new Slip(at, "这一行有 TAB（制表符）：YAML 的缩进和分隔只能用空格，请把 TAB 换成空格");
        }
        if (problem.startsWith("found character")) {
            String character = problem.substring(problem.indexOf('\'') + 1, problem.indexOf('\'', problem.indexOf('\'') + 1));
            return new Slip(at, "“" + character + "”不能放在值的开头：以它开头的文字请用引号括起来，如 \"" + character + "…\"");
        }
        if (problem.contains("could not find expected ':'")) {
            return new Slip(opened, "这一行缺少冒号：每一项写成“键: 值”，键后面是半角冒号“:”再空一格");
        }
        if (problem.contains("mapping values are not allowed")) {
            return new Slip(at, "这里不能写“键: 值”：请检查这一行的缩进是否与同一级的键对齐；若上一行的值中含有“: ”，请给那个值加上引号");
        }
        if (problem.contains("expected <block end>")) {
            return new Slip(at, "缩进不一致：这一行没有与上面同一级的各行对齐，同一级的键（或以“- ”开头的列表项）须从同一列开始");
        }
        if (context.contains("flow sequence")) {
            return new Slip(opened, "这里的“[”没有配对的“]”，或其中各项之间少了逗号：列表写成 [甲, 乙]");
        }
        if (context.contains("flow mapping")) {
            return new Slip(opened, "这里的“{”没有配对的“}”，或其中各项之间少了逗号：写成 {键: 值, 键: 值}");
        }
        if (context.contains("quoted scalar")) {
            return new Slip(opened, problem.contains("escape")
                    ? "双引号中的“\\”后面是无法识别的转义：请改用单引号括起这个值，或把“\\”写成“\\\\”"
                    : "引号没有配对：这里以引号开始的值，须以同样的引号结束");
        }
        if (context.contains("anchor") || context.contains("alias")) {
            return new Slip(at, "“&”和“*”在 YAML 中有特殊含义：以它们开头的文字请用引号括起来");
        }
        return new Slip(at, "YAML 格式有误，无法读取：" + FIX);
    }

    /** The plain words for a key written with the colon of a Chinese keyboard. */
    static String fullWidthColon(String key) {
        return "键“" + key + "”后面的冒号是全角“：”，请改为半角“:”（冒号后再空一格）";
    }

    /** The key before a full-width colon at the start of {@code text} ({@code copies：2}), or null. */
    static String fullWidthKey(String text) {
        Matcher key = FULL_WIDTH_KEY.matcher(text);
        return key.find() ? key.group(1) : null;
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    /** The line of the first byte that is not UTF-8. */
    private static int lineOfFirstByteNotUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // A new decoder reports what is not UTF-8, and stops in front of it.
        StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
