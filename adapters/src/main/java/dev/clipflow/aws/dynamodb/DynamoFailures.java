package dev.clipflow.aws.dynamodb;

import dev.clipflow.pipeline.TransientStageException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures that may succeed on retry (throttling, 5xx, I/O, timeouts) into
 * {@link TransientStageException}, the one transient error the state machine retries; every other
 * SDK failure is returned unchanged (it is a bug or a misconfiguration, and retrying will not help).
 */
final class DynamoFailures {
    private DynamoFailures() {
    }

    static RuntimeException translate(String operation, SdkException e) {
        if (isTransient(e)) {
            return new TransientStageException("DynamoDB " + operation + " failed transiently: "
                    + e.getClass().getSimpleName(), e);
        }
        return e;
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || e.retryable()
                    || "TransactionConflictException".equals(errorCode(service));
        }
        return e instanceof SdkClientException || e.retryable();
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
