package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.path.ReferencePath;
import java.math.BigDecimal;

/**
 * ToleratedFailureCount and ToleratedFailurePercentage of one run of a Map state, literal or read through their
 * {@code ...Path}. Exceeding either fails the state with {@code States.ExceedToleratedFailureThreshold}; with
 * neither set no failure is tolerated (AWS's defaults are 0).
 *
 * @param count {@code null} when not set
 * @param percentage {@code null} when not set
 */
record ToleratedFailures(BigDecimal count, BigDecimal percentage) {

    /** AWS's cause, as TestState recorded it (localstack test_state_configuration snapshot, 2025-11). */
    static final String CAUSE = "The specified tolerated failure threshold was exceeded";

    static ToleratedFailures resolve(MapState m, JsonNode effective, Scope scope) {
        BigDecimal count = m.toleratedFailureCountPath() != null
                ? nonNegative(m.toleratedFailureCountPath(), effective, scope)
                : m.toleratedFailureCount() == null ? null : BigDecimal.valueOf(m.toleratedFailureCount());
        BigDecimal pct = m.toleratedFailurePercentagePath() != null
                ? nonNegative(m.toleratedFailurePercentagePath(), effective, scope)
                : m.toleratedFailurePercentage();
        return new ToleratedFailures(count, pct);
    }

    /** Whether either threshold is set. */
    boolean declared() {
        return count != null || percentage != null;
    }

    /** Whether {@code failed} of {@code total} items exceed the thresholds (any failure when none is set). */
    boolean exceeded(long failed, long total) {
        if (failed == 0) {
            return false;
        }
        if (!declared()) {
            return true;
        }
        return count != null && BigDecimal.valueOf(failed).compareTo(count) > 0
                || percentage != null && BigDecimal.valueOf(failed * 100).compareTo(
                        percentage.multiply(BigDecimal.valueOf(total))) > 0;
    }

    static StatesErrorException thresholdExceeded() {
        return new StatesErrorException(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, CAUSE);
    }

    /** A {@code ...Path} value: a non-negative number, or {@code States.Runtime}. */
    static BigDecimal nonNegative(ReferencePath path, JsonNode effective, Scope scope) {
        JsonNode v = scope.find(path, effective);
        if (v == null || !v.isNumber() || v.decimalValue().signum() < 0) {
            throw scope.runtime("The value at the path '" + path.text() + "' must be a non-negative number.");
        }
        return v.decimalValue();
    }
}
