package dev.clipflow.e2e;

import java.net.URI;
import java.util.Map;

/**
 * What the suite needs to know about a deployment: the template's Outputs (names as in template.yaml).
 *
 * @param userPoolId empty when there is no user pool (local)
 * @param mediaDomain CloudFront domain; a symbolic host locally
 */
public record StackOutputs(URI apiUrl, String userPoolId, String userPoolClientId, String uploadsBucket,
                           String mediaBucket, String videosTable, String channelsTable, String stateMachineArn,
                           String mediaDomain) {

    /**
     * @param outputs OutputKey to OutputValue, as DescribeStacks answers
     * @throws StackOutputMissingException when one of the outputs the suite needs is missing or empty
     */
    public static StackOutputs from(Map<String, String> outputs) {
        return new StackOutputs(URI.create(need(outputs, "ApiUrl")), need(outputs, "UserPoolId"),
                need(outputs, "UserPoolClientId"), need(outputs, "UploadsBucketName"),
                need(outputs, "MediaBucketName"), need(outputs, "VideosTableName"),
                need(outputs, "ChannelsTableName"), need(outputs, "StateMachineArn"),
                outputs.getOrDefault("MediaDistributionDomain", ""));
    }

    /**
     * The outputs of a stack without the HTTP API, user pool and CDN (the LocalStack community reduction): the API
     * URL is {@code about:none}, the pool ids and media domain are empty.
     *
     * @throws StackOutputMissingException when a bucket, table or state machine output is missing or empty
     */
    public static StackOutputs withoutHttpApi(Map<String, String> outputs) {
        return new StackOutputs(URI.create("about:none"), "", "", need(outputs, "UploadsBucketName"),
                need(outputs, "MediaBucketName"), need(outputs, "VideosTableName"),
                need(outputs, "ChannelsTableName"), need(outputs, "StateMachineArn"), "");
    }

    /** The same outputs with another API URL (LocalStack serves the API on its own host name). */
    public StackOutputs withApiUrl(URI url) {
        return new StackOutputs(url, userPoolId, userPoolClientId, uploadsBucket, mediaBucket, videosTable,
                channelsTable, stateMachineArn, mediaDomain);
    }

    private static String need(Map<String, String> outputs, String key) {
        String v = outputs.get(key);
        if (v == null || v.isBlank()) {
            throw new StackOutputMissingException(key, outputs.keySet());
        }
        return v;
    }
}
