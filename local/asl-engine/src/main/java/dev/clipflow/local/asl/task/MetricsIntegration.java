package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AWS SDK integration {@code arn:aws:states:::aws-sdk:cloudwatch:putMetricData}: takes {@code Namespace} and
 * {@code MetricData} as CloudWatch's PutMetricData does and returns its empty result. The local runtime records the
 * data points instead of sending them anywhere.
 */
public interface MetricsIntegration {

    /**
     * @throws TaskFailedException with {@code CloudWatch.<ExceptionName>} errors, as Step Functions names an SDK
     *                             integration's errors
     */
    JsonNode putMetricData(JsonNode parameters);
}
