package org.carrierrules.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.carrierrules.CarrierRules;
import org.carrierrules.CarrierType;
import org.carrierrules.allocation.RoundSubmission;
import org.carrierrules.supervision.Carrier;
import org.carrierrules.supervision.CarrierEvent;
import org.carrierrules.supervision.EventType;

/**
 * How the cost of a round grows with its size (docs/performance.md, "Cost as work grows"): a round of 10,000 and of
 * 100,000 applications through {@code allocate}, with backfill after an upheld objection on (四(五); the bundled round
 * leaves it off, so a copy of the bundled policy with it turned on), and the supervision review (五) of 10,000 and
 * 100,000 carriers. Each size is decided to warm up (the small one three times, the large one once), then {@code RUNS}
 * times; the median is printed with the
 * growth exponent log(t(100,000) / t(10,000)) / log(10): 1 is linear, 2 quadratic.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar org.carrierrules.bench.Growth [RUNS]}.
 */
public final class Growth {
    private static final int SMALL = 10_000;
    private static final int LARGE = 100_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private Growth() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path policy = PolicyDirectories.copyOfBundled();
        try {
            Path round = policy.resolve("round.yaml");
            String text = Files.readString(round, StandardCharsets.UTF_8);
            Files.writeString(round, text.replace("backfillAfterUpheldObjection: false", "backfillAfterUpheldObjection: true"),
                    StandardCharsets.UTF_8);
            CarrierRules rules = CarrierRules.fromDirectoryUntested(policy);
            if (!rules.allocationSettings().backfillAfterUpheldObjection()) {
                throw new IllegalStateException("backfill is not on in " + round);
            }
            report("allocate, backfill on", runs, n -> {
                RoundSubmission submission = RoundMix.generate(n, ApplicationMix.SEED);
                return () -> rules.allocate(submission);
            });
            report("review (supervise)", runs, n -> {
                List<Carrier> carriers = carriers(n, ApplicationMix.SEED);
                return () -> rules.superviseAll(carriers, AS_OF);
            });
        } finally {
            PolicyDirectories.delete(policy);
        }
    }

    private static void report(String what, int runs, IntFunction<Runnable> work) {
        // The small size warms the JIT up first, several times, so that neither figure includes compiling the code.
        double small = median(work.apply(SMALL), 3, runs);
        double large = median(work.apply(LARGE), 1, runs);
        System.out.printf(Locale.ROOT, "%s: %,d in %.0f ms, %,d in %.0f ms (medians of %d); growth exponent %.2f%n",
                what, SMALL, small, LARGE, large, runs, Math.log(large / small) / Math.log(10));
    }

    private static double median(Runnable work, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            work.run();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /**
     * Carriers recognised 2019-2025, most training every year, one in ten with a year or more without training, one in
     * twenty with something found by supervision (五): every ground of revocation and the one of correction is reached.
     */
    static List<Carrier> carriers(int count, long seed) {
        Random random = new Random(seed);
        CarrierType[] types = CarrierType.values();
        EventType[] events = EventType.values();
        List<Carrier> carriers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate recognized = LocalDate.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
            Map<Integer, Integer> activity = new LinkedHashMap<>();
            for (int year = recognized.getYear(); year <= AS_OF.getYear(); year++) {
                if (random.nextInt(10) > 0) {
                    activity.put(year, random.nextInt(10) == 0 ? 0 : 20 + random.nextInt(200));
                }
            }
            List<CarrierEvent> found = new ArrayList<>();
            if (random.nextInt(20) == 0) {
                found.add(new CarrierEvent(events[random.nextInt(events.length)], recognized.plusDays(30 + random.nextInt(300))));
            }
            carriers.add(new Carrier(String.format(Locale.ROOT, "SZ-%06d", i), "深圳市罗湖区示例载体" + i,
                    types[random.nextInt(types.length)], recognized, found, activity));
        }
        return carriers;
    }
}
