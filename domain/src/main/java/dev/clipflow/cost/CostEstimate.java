package dev.clipflow.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An upload's estimated cost in US dollars, per stage and in total.
 *
 * @param perStage stage name to its cost, in the order the stages ran
 * @param total    the sum of the stages
 */
public record CostEstimate(Map<String, StageCost> perStage, BigDecimal total) {
    public CostEstimate {
        perStage = Map.copyOf(perStage);
    }

    /**
     * One stage's cost by kind.
     *
     * @param storage the first month of S3 Standard storage for what the stage wrote, plus its PUTs
     */
    public record StageCost(BigDecimal compute, BigDecimal requests, BigDecimal stateTransitions,
                            BigDecimal storage, BigDecimal total) {
    }
}
