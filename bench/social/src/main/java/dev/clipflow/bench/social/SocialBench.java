package dev.clipflow.bench.social;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.testing.Emulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of bench/social/run.sh: starts the emulators in this JVM, runs the fan-out comparison
 * and the recommendation-update sizes, and prints one {@code key=value} line per figure.
 * Arguments: subscribers (10000), rounds (3), catalog sizes (1000,10000,100000), publishes per size (15).
 */
public final class SocialBench {
    private SocialBench() {
    }

    public static void main(String[] args) {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String sizes = args.length > 2 ? args[2] : "1000,10000,100000";
        int publishes = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Emulators emulators = Emulators.start();
        try {
            AwsClients aws = new AwsClients(emulators.lookup());
            FanoutBench fanout = new FanoutBench(aws.dynamoDb(), aws.sqs(), subscribers);
            fanout.baseline();
            fanout.inline();
            List<Long> base = new ArrayList<>();
            List<Long> inline = new ArrayList<>();
            List<Long> queued = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                base.add(fanout.baseline());
                inline.add(fanout.inline());
                queued.add(fanout.queued());
                System.out.printf(Locale.ROOT, "round=%d baseline_ms=%d inline_ms=%d queued_ms=%d%n", r,
                        base.getLast(), inline.getLast(), queued.getLast());
            }
            long b = median(base);
            long i = median(inline);
            long q = median(queued);
            System.out.printf(Locale.ROOT, "fanout_subscribers=%d%n", subscribers);
            System.out.printf(Locale.ROOT, "baseline_ms=%d baseline_items_per_s=%.0f%n", b, subscribers * 1000.0 / b);
            System.out.printf(Locale.ROOT, "inline_ms=%d inline_items_per_s=%.0f inline_ratio=%.2f%n", i,
                    subscribers * 1000.0 / i, (double) b / i);
            System.out.printf(Locale.ROOT, "queued_ms=%d queued_items_per_s=%.0f queued_ratio=%.2f%n", q,
                    subscribers * 1000.0 / q, (double) b / q);

            RecommendationBench recs = new RecommendationBench(aws.dynamoDb());
            for (String size : sizes.split(",")) {
                long[] r = recs.run(Integer.parseInt(size), publishes);
                System.out.printf(Locale.ROOT, "catalog=%s publish_median_ms=%d min_ms=%d max_ms=%d load_ms=%d%n",
                        size, r[0], r[1], r[2], r[3]);
            }
        } finally {
            emulators.stop();
        }
        System.exit(0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
