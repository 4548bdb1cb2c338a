package dev.clipflow.publish;

import java.math.BigDecimal;

/** The publish task's result ({@code $.publish}): the video's status and its estimated cost in USD. */
public record PublishResult(String status, BigDecimal estimatedCostUsd) {
}
