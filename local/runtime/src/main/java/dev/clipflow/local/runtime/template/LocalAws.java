package dev.clipflow.local.runtime.template;

import java.util.Locale;

/**
 * The local "account": region, account id and the names and ARNs resources get locally. Buckets are named
 * {@code <stack>-<logical id in lower case>} (S3 names are lower case), tables and queues
 * {@code <stack>-<LogicalId>}, functions by their logical id.
 *
 * @param stackName prefix of the local resource names (lower case, digits, dashes)
 * @param sqsEndpoint the SQS endpoint queue URLs are built on ({@code <endpoint>/<account>/<name>})
 * @param mediaHost {@code host:port} of the local CloudFront stand-in, the {@code DomainName} of a distribution;
 *                  {@code null}: distributions stay {@link Unresolved}
 */
public record LocalAws(String stackName, String sqsEndpoint, String mediaHost) {

    public LocalAws(String stackName, String sqsEndpoint) {
        this(stackName, sqsEndpoint, null);
    }

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    public static final String PARTITION = "aws";
    public static final String URL_SUFFIX = "amazonaws.com";

    public static LocalAws defaults() {
        return new LocalAws("clipflow-local", "http://127.0.0.1:9324");
    }

    public String bucketName(String logicalId) {
        return (stackName + "-" + logicalId).toLowerCase(Locale.ROOT);
    }

    public String tableName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    public String queueName(String logicalId, boolean fifo) {
        return stackName + "-" + logicalId + (fifo ? ".fifo" : "");
    }

    public String queueUrl(String queueName) {
        return sqsEndpoint.replaceAll("/+$", "") + "/" + ACCOUNT + "/" + queueName;
    }

    public static String functionArn(String functionName) {
        return "arn:" + PARTITION + ":lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    public static String stateMachineArn(String name) {
        return "arn:" + PARTITION + ":states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
    }

    public static String queueArn(String name) {
        return "arn:" + PARTITION + ":sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    public static String eventBusArn(String name) {
        return "arn:" + PARTITION + ":events:" + REGION + ":" + ACCOUNT + ":event-bus/" + name;
    }

    public static String tableArn(String name) {
        return "arn:" + PARTITION + ":dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
    }

    /** A secret's ARN without Secrets Manager's random suffix (a partial ARN, which its API accepts). */
    public static String secretArn(String name) {
        return "arn:" + PARTITION + ":secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + name;
    }

    public String secretName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    public static String bucketArn(String name) {
        return "arn:" + PARTITION + ":s3:::" + name;
    }
}
