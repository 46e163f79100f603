package org.carrierrules.internal.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.carrierrules.CarrierType;
import org.carrierrules.allocation.Allocation;
import org.carrierrules.allocation.AllocationEntry;
import org.carrierrules.allocation.AllocationSettings;
import org.carrierrules.allocation.AllocationStatus;
import org.carrierrules.policy.RoundInfo;

/**
 * The scores of each open carrier type as bars, drawn as inline SVG from the allocation (no script, nothing to load):
 * the ranked applications in rank order, then those with a score that were not ranked; a dashed line after the last
 * place of the quota (三) and a line at the passing score (四(四)). What the report's tables say, for those who would
 * rather look than read.
 */
final class ScoreChart {
    private static final int WIDTH = 640;
    private static final int PANEL = 150;
    private static final int LEFT = 40;
    /**
     * From a panel's top to the top of its bars: its heading's line, then a line of its own for the label 名额线, so
     * that the label stays clear of the score above a bar of full marks.
     */
    private static final int TOP = 44;
    private static final int PLOT = 90;
    private static final int BAR = 26;
    private static final int GAP = 10;

    private ScoreChart() {
    }

    static String svg(RoundInfo round, AllocationSettings settings, Allocation allocation) {
        List<CarrierType> open = Arrays.stream(CarrierType.values()).filter(t -> round.quotas().getOrDefault(t, 0) > 0).toList();
        int height = PANEL * open.size() + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"各类载体评审得分与名额线\">\n");
        int y = 0;
        for (CarrierType type : open) {
            panel(svg, type, round.quotas().get(type), settings.byCarrierType().get(type), allocation, y);
            y += PANEL;
        }
        legend(svg, y + 14);
        svg.append("</svg><figcaption>各类载体评审得分（条形）、合格分（实线）与名额线（虚线）</figcaption></figure>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, CarrierType type, int quota, AllocationSettings.Scoring scoring, Allocation allocation, int y) {
        List<AllocationEntry> ranked = allocation.entries().stream().filter(e -> e.carrierType() == type && e.rank() != null)
                .sorted(Comparator.comparing(AllocationEntry::rank)).toList();
        List<AllocationEntry> bars = new ArrayList<>(ranked);
        allocation.entries().stream().filter(e -> e.carrierType() == type && e.rank() == null && e.score() != null).forEach(bars::add);
        double full = scoring.fullMarks().doubleValue();
        int base = y + TOP + PLOT;
        text(svg, LEFT, y + 16, "start", 13, type.label() + "（名额" + quota + "家）");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"")
                .append(base).append("\" stroke=\"#000\" stroke-width=\"1\"/>\n");
        for (int i = 0; i < bars.size(); i++) {
            AllocationEntry e = bars.get(i);
            double h = PLOT * e.score().doubleValue() / full;
            int x = LEFT + GAP + i * (BAR + GAP);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(fmt(base - h)).append("\" width=\"").append(BAR).append("\" height=\"")
                    .append(fmt(h)).append("\" fill=\"").append(fill(e.status())).append("\" stroke=\"#333\" stroke-width=\"0.5\"/>\n");
            text(svg, x + BAR / 2, (int) Math.round(base - h) - 3, "middle", 9, e.score().toPlainString());
            text(svg, x + BAR / 2, base + 12, "middle", 8, e.applicationId().length() > 4 ? e.applicationId().substring(e.applicationId().length() - 3)
                    : e.applicationId());
        }
        double pass = base - PLOT * scoring.passingScore().doubleValue() / full;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(pass)).append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"")
                .append(fmt(pass)).append("\" stroke=\"#b00\" stroke-width=\"1\"/>\n");
        text(svg, LEFT - 4, (int) Math.round(pass) + 3, "end", 9, plain(scoring.passingScore()));
        if (!ranked.isEmpty()) {
            int cut = LEFT + GAP / 2 + Math.min(quota, ranked.size()) * (BAR + GAP);
            svg.append("<line x1=\"").append(cut).append("\" y1=\"").append(y + TOP - 22).append("\" x2=\"").append(cut).append("\" y2=\"")
                    .append(base + 4).append("\" stroke=\"#000\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/>\n");
            text(svg, cut + 3, y + TOP - 14, "start", 9, "名额线");
        }
        if (bars.isEmpty()) {
            text(svg, LEFT + GAP, base - 10, "start", 10, "无评审得分");
        }
    }

    private static void legend(StringBuilder svg, int y) {
        int x = LEFT;
        for (AllocationStatus status : AllocationStatus.values()) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"").append(fill(status))
                    .append("\" stroke=\"#333\" stroke-width=\"0.5\"/>\n");
            text(svg, x + 14, y, "start", 10, status.label());
            x += 140;
        }
    }

    private static String fill(AllocationStatus status) {
        return switch (status) {
            case CANDIDATE -> "#2f5d8a";
            case REMOVED_BY_OBJECTION -> "#c8796b";
            case NOT_SELECTED -> "#9db4cc";
            case NOT_RANKED -> "#d9d9d9";
        };
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, int size, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(Markup.escape(text)).append("</text>\n");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
