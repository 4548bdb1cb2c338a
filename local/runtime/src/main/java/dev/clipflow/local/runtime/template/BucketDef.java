package dev.clipflow.local.runtime.template;

/**
 * An {@code AWS::S3::Bucket}.
 *
 * @param eventBridgeEnabled whether the bucket sends its events to EventBridge
 *                           ({@code NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled})
 */
public record BucketDef(String logicalId, String name, boolean eventBridgeEnabled) {
}
