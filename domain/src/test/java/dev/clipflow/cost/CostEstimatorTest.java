package dev.clipflow.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
    private final CostEstimator estimator = new CostEstimator(PriceTable.US_EAST_1);

    @Test
    void stageCost_oneGbForTenSeconds_isTenGbSecondsPlusOneRequest() {
        var cost = estimator.stageCost(new StageUsage("transcode", 1, 10_000, 1024, 0, 0));

        assertThat(cost.compute()).isEqualByComparingTo("0.00016667");
        assertThat(cost.requests()).isEqualByComparingTo("0.0000002");
        assertThat(cost.storage()).isEqualByComparingTo("0");
        assertThat(cost.total()).isEqualByComparingTo("0.00016687");
    }

    @Test
    void stageCost_storedGigabyte_chargesAMonthAndPuts() {
        var cost = estimator.stageCost(new StageUsage("transcode", 0, 0, 0, 0, 1024L * 1024 * 1024));

        // 1 GB-month at 0.023 plus 256 PUTs (4 MiB each) at 0.000005
        assertThat(cost.storage()).isEqualByComparingTo("0.02428");
    }

    @Test
    void estimate_sumsStagesInOrder() {
        Map<String, StageUsage> usage = new LinkedHashMap<>();
        usage.put("probe", new StageUsage("probe", 1, 500, 512, 2, 0));
        usage.put("publish", new StageUsage("publish", 1, 100, 512, 3, 0));

        CostEstimate estimate = estimator.estimate(usage);

        assertThat(estimate.perStage()).containsOnlyKeys("probe", "publish");
        BigDecimal sum = estimate.perStage().values().stream().map(CostEstimate.StageCost::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(estimate.total()).isEqualByComparingTo(sum);
        assertThat(estimate.perStage().get("probe").stateTransitions()).isEqualByComparingTo("0.00005");
    }

    @Test
    void parse_overridesOnlyNamedPrices() {
        PriceTable table = PriceTable.parse("lambdaGbSecond=0.0000133334, s3GbMonth=0.0245");

        assertThat(table.lambdaGbSecond()).isEqualByComparingTo("0.0000133334");
        assertThat(table.s3GbMonth()).isEqualByComparingTo("0.0245");
        assertThat(table.stateTransition()).isEqualByComparingTo(PriceTable.US_EAST_1.stateTransition());
        assertThat(PriceTable.parse(" ")).isEqualTo(PriceTable.US_EAST_1);
    }

    @Test
    void parse_unknownOrMalformedEntry_namesIt() {
        assertThatThrownBy(() -> PriceTable.parse("gpuHour=3")).hasMessageContaining("gpuHour=3");
        assertThatThrownBy(() -> PriceTable.parse("s3GbMonth=cheap")).hasMessageContaining("s3GbMonth=cheap");
        assertThatThrownBy(() -> PriceTable.parse("s3GbMonth=-1")).hasMessageContaining("negative");
    }
}
