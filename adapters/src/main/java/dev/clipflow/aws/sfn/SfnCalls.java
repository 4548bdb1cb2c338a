package dev.clipflow.aws.sfn;

import dev.clipflow.pipeline.TransientStageException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Runs a Step Functions call for the adapters of this package: throttling, a 5xx answer and an unreachable service
 * are {@link TransientStageException} (the one transient error the state machines retry); any other service error
 * (a missing execution, an existing name, access denied) is thrown unchanged, for the caller to catch or propagate.
 */
final class SfnCalls {
    private SfnCalls() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new TransientStageException("Step Functions " + operation + " failed: " + e.getMessage(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new TransientStageException("Step Functions unreachable: " + e.getMessage(), e);
        }
    }
}
