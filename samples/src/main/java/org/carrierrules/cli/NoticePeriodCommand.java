package org.carrierrules.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.carrierrules.CarrierRules;
import org.carrierrules.json.AllocationJson;
import org.carrierrules.notice.CalendarYearMissingException;
import org.carrierrules.notice.NoticePeriod;

/** {@code notice-period}: the working days of 公示 (四(五)) from a start date, on the policy's calendar. */
@Command(name = "notice-period", mixinStandardHelpOptions = true,
        description = "公示期：从开始日期起按工作日（含调休上班日）计算公示的最后一天，默认天数取本轮设定（通知 四(五)：5个工作日）。",
        exitCodeList = {
            "0:已算出公示期",
            CarrierRulesCommand.UNREADABLE + ":用法错误（含 --days 不是正整数）",
            CarrierRulesCommand.POLICY_BROKEN + ":政策目录有误，或其场景测试未全部通过，不能用来作出决定",
            CarrierRulesCommand.CALENDAR_MISSING + ":日历缺少所需年份的节假日安排"})
final class NoticePeriodCommand implements Callable<Integer> {
    @Option(names = "--start", converter = ContractDate.class, required = true, paramLabel = "DATE", description = "公示开始日期，如 2024-09-11；不是工作日时从下一个工作日起算")
    LocalDate start;

    @Option(names = "--days", paramLabel = "N", description = "工作日天数（默认取本轮设定）")
    Integer days;

    @Mixin
    PolicyOption policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CarrierRules rules = policy.load();
        NoticePeriod period;
        try {
            period = days == null ? rules.noticePeriod(start) : rules.noticePeriod(start, days);
        } catch (CalendarYearMissingException e) {
            err.println("无法计算公示期：" + e.getMessage());
            return CarrierRulesCommand.CALENDAR_MISSING;
        } catch (IllegalArgumentException e) {
            err.println("参数有误：--days " + e.getMessage());
            return CarrierRulesCommand.UNREADABLE;
        }
        AllocationJson.print(period, spec.commandLine().getOut());
        return 0;
    }
}
