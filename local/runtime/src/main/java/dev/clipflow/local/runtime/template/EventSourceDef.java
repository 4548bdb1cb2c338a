package dev.clipflow.local.runtime.template;

import java.util.Map;

/**
 * One entry of a function's {@code Events}, resolved.
 *
 * @param name the event's key (e.g. {@code ObjectCreated})
 * @param type {@code EventBridgeRule}, {@code S3}, {@code SQS}, {@code HttpApi}, ...
 * @param properties the resolved {@code Properties}
 */
public record EventSourceDef(String name, String type, Map<String, Object> properties) {
}
