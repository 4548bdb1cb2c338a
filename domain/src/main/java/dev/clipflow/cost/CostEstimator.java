package dev.clipflow.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices what each stage consumed ({@link StageUsage}) with a {@link PriceTable}.
 *
 * <ul>
 *   <li>compute: billed duration (ms, as Lambda rounds up to 1 ms) x configured memory (GB) x price per GB-s;</li>
 *   <li>requests: invocations x price per request;</li>
 *   <li>state transitions: transitions x price per transition;</li>
 *   <li>storage: one month of the bytes the stage left in S3, plus its S3 requests: the PUTs and GETs it
 *       counted, or, when it counted no PUT, one per stored object estimated as one per 4 MiB (minimum one when
 *       anything was stored).</li>
 * </ul>
 * Amounts keep 10 significant digits; totals are rounded to 8 decimal places (fractions of a cent
 * matter at scale).
 */
public final class CostEstimator {
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1024L * 1024 * 1024);
    private static final long BYTES_PER_PUT = 4L * 1024 * 1024;
    private static final MathContext MC = new MathContext(10, RoundingMode.HALF_EVEN);
    private static final int SCALE = 8;

    private final PriceTable prices;

    public CostEstimator(PriceTable prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    public CostEstimate estimate(Map<String, StageUsage> usageByStage) {
        Map<String, CostEstimate.StageCost> perStage = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, StageUsage> entry : usageByStage.entrySet()) {
            CostEstimate.StageCost cost = stageCost(entry.getValue());
            perStage.put(entry.getKey(), cost);
            total = total.add(cost.total());
        }
        return new CostEstimate(perStage, total.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    public CostEstimate.StageCost stageCost(StageUsage usage) {
        BigDecimal gbSeconds = BigDecimal.valueOf(usage.durationMillis()).divide(MS_PER_S, MC)
                .multiply(BigDecimal.valueOf(usage.memoryMb()).divide(MB_PER_GB, MC), MC);
        BigDecimal compute = gbSeconds.multiply(prices.lambdaGbSecond(), MC);
        BigDecimal requests = BigDecimal.valueOf(usage.invocations()).multiply(prices.lambdaRequest(), MC);
        BigDecimal transitions = BigDecimal.valueOf(usage.stateTransitions()).multiply(prices.stateTransition(), MC);
        long puts = usage.s3Puts() > 0 ? usage.s3Puts() : usage.bytesStored() <= 0 ? 0
                : Math.max(1, (usage.bytesStored() + BYTES_PER_PUT - 1) / BYTES_PER_PUT);
        BigDecimal storage = BigDecimal.valueOf(usage.bytesStored()).divide(BYTES_PER_GB, MC)
                .multiply(prices.s3GbMonth(), MC)
                .add(BigDecimal.valueOf(puts).multiply(prices.s3PutRequest(), MC), MC)
                .add(BigDecimal.valueOf(usage.s3Gets()).multiply(prices.s3GetRequest(), MC), MC);
        BigDecimal total = compute.add(requests).add(transitions).add(storage);
        return new CostEstimate.StageCost(scaled(compute), scaled(requests), scaled(transitions), scaled(storage),
                scaled(total));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
