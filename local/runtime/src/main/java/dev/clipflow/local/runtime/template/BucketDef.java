package dev.clipflow.local.runtime.template;

import java.util.List;

/**
 * An {@code AWS::S3::Bucket}.
 *
 * @param eventBridgeEnabled whether the bucket sends its events to EventBridge
 *                           ({@code NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled})
 * @param cors its {@code CorsConfiguration.CorsRules} (empty: no cross-origin request is allowed)
 */
public record BucketDef(String logicalId, String name, boolean eventBridgeEnabled, List<CorsRule> cors) {

    public BucketDef {
        cors = List.copyOf(cors);
    }

    public BucketDef(String logicalId, String name, boolean eventBridgeEnabled) {
        this(logicalId, name, eventBridgeEnabled, List.of());
    }
}
