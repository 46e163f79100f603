package org.carrierrules.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not make sense of, said in Chinese: picocli writes its parse errors in English
 * ("Missing required option", "Unknown option"), so each kind is said again here from what the exception holds,
 * with the nearest option or command for a mistyped one and the help command to run. Exit code 2
 * ({@link CarrierRulesCommand#UNREADABLE}), as picocli gives every usage error. A command's own usage errors
 * ({@code throw new ParameterException(…, "…")}) are already Chinese and are printed as they are.
 */
final class UsageErrors implements IParameterExceptionHandler {
    /** How many letters a mistyped name may be off by and still be suggested: one slip or a swapped pair. */
    private static final int MAX_DISTANCE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        CommandSpec spec = cli.getCommandSpec();
        err.println(message(ex, spec, Arrays.asList(args)));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> near = suggestions(unmatched, spec);
            if (!near.isEmpty()) {
                err.println("是不是要输入：" + String.join("、", near) + "？");
            }
        }
        err.println("用法见 " + spec.qualifiedName() + " --help");
        err.flush();
        return cli.getExitCodeExceptionMapper() != null ? cli.getExitCodeExceptionMapper().getExitCode(ex)
                : spec.exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex, CommandSpec spec, List<String> args) {
        if (ex instanceof MissingParameterException missing) {
            return missing.getMissing().stream().map(arg -> missing(arg, args)).collect(Collectors.joining("\n"));
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> options = unknownOptions(unmatched);
            if (!options.isEmpty()) {
                return "没有选项 " + String.join("、", options);
            }
            String first = unmatched.getUnmatched().get(0);
            if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                return "没有命令 " + first;
            }
            String takes = spec.positionalParameters().isEmpty() ? "不接受参数"
                    : "只接受 " + spec.positionalParameters().stream().map(PositionalParamSpec::paramLabel).collect(Collectors.joining(" "));
            return "多余的参数：" + String.join(" ", unmatched.getUnmatched()) + "（" + spec.qualifiedName() + " " + takes + "）";
        }
        if (ex instanceof OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " 只能给出一次";
        }
        if (ex.getArgSpec() != null && ex.getCause() != null) {
            return name(ex.getArgSpec()) + " 的值“" + ex.getValue() + "”无效：" + conversion(ex.getArgSpec(), ex.getCause());
        }
        return ex.getMessage();
    }

    /** A required option or parameter left out, or an option given without its value. */
    private static String missing(ArgSpec arg, List<String> args) {
        if (arg instanceof OptionSpec option && given(option, args)) {
            return "选项 " + option.longestName() + " 后缺少它的值 " + option.paramLabel();
        }
        String description = arg.description().length == 0 ? "" : "：" + arg.description()[0];
        return "缺少" + name(arg) + (arg.isOption() ? " " + arg.paramLabel() : "") + description;
    }

    private static boolean given(OptionSpec option, List<String> args) {
        return args.stream().anyMatch(arg -> Arrays.stream(option.names()).anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return "选项 " + option.longestName();
        }
        return "参数 " + ((PositionalParamSpec) arg).paramLabel();
    }

    /** Picocli's enum conversion is its own and English; every other converter of ours speaks Chinese. */
    private static String conversion(ArgSpec arg, Throwable cause) {
        if (arg.type().isEnum()) {
            return "应为 " + Arrays.stream(arg.type().getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、")) + " 之一";
        }
        if (cause instanceof TypeConversionException) {
            return cause.getMessage();
        }
        return "无法识别";
    }

    private static List<String> unknownOptions(UnmatchedArgumentException unmatched) {
        return unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-")).toList();
    }

    /**
     * The nearest names to the first mistyped option (or command), the same way for both: picocli itself only
     * suggests options that share the first two letters, so {@code --plicy} would get nothing.
     */
    static List<String> suggestions(UnmatchedArgumentException unmatched, CommandSpec spec) {
        List<String> options = unknownOptions(unmatched);
        if (!options.isEmpty()) {
            String typed = options.get(0).split("=", 2)[0];
            return nearest(typed, spec.options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> Arrays.stream(option.names())).toList());
        }
        if (spec.subcommands().isEmpty() || unmatched.getUnmatched().isEmpty()) {
            return List.of();
        }
        return nearest(unmatched.getUnmatched().get(0), spec.subcommands().keySet());
    }

    /** The candidates at the least edit distance from {@code typed}, if that is at most {@link #MAX_DISTANCE}. */
    static List<String> nearest(String typed, Collection<String> candidates) {
        int best = candidates.stream().mapToInt(name -> distance(typed, name)).min().orElse(Integer.MAX_VALUE);
        if (best > MAX_DISTANCE) {
            return List.of();
        }
        return candidates.stream().filter(name -> distance(typed, name) == best).distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /** Letters inserted, deleted, replaced or two neighbours swapped (optimal string alignment distance). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
