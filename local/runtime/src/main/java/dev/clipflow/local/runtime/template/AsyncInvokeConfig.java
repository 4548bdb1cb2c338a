package dev.clipflow.local.runtime.template;

/**
 * How Lambda handles a function's asynchronous invocations (the object-created events EventBridge and S3
 * deliver): {@code EventInvokeConfig} and {@code DeadLetterQueue} of an {@code AWS::Serverless::Function}.
 *
 * @param maximumRetryAttempts retries after a function error, 0-2 (Lambda's default 2)
 * @param maximumEventAgeSeconds how old an event may get while retried, 60-21600 (default 21600, 6 hours)
 * @param deadLetterTargetArn the SQS queue failed events go to, or {@code null} (they are then discarded, as on
 *                            Lambda, and said so in the log); an SNS topic is not supported locally
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, String deadLetterTargetArn) {

    public static final AsyncInvokeConfig DEFAULT = new AsyncInvokeConfig(2, 21_600, null);

    public AsyncInvokeConfig {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 2) {
            throw new TemplateInvalidException("EventInvokeConfig.MaximumRetryAttempts must be 0-2, not "
                    + maximumRetryAttempts);
        }
        if (maximumEventAgeSeconds < 60 || maximumEventAgeSeconds > 21_600) {
            throw new TemplateInvalidException("EventInvokeConfig.MaximumEventAgeInSeconds must be 60-21600, not "
                    + maximumEventAgeSeconds);
        }
    }
}
