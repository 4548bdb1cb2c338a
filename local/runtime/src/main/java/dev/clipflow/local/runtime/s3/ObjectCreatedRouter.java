package dev.clipflow.local.runtime.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.runtime.eventbridge.EventPatterns;
import dev.clipflow.local.runtime.function.AsyncInvoker;
import dev.clipflow.local.runtime.function.AsyncInvoker.Delivery;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.template.BucketDef;
import dev.clipflow.local.runtime.template.EventSourceDef;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Routes "object created" to whatever the template routes it to: an EventBridge {@code Object Created} event to
 * every function whose {@code EventBridgeRule} pattern matches (when the bucket has EventBridge enabled), and an
 * S3 notification to every function with an {@code S3} event on that bucket. A write the S3 endpoint reports
 * ({@link #objectCreated}) reaches its functions as Lambda's asynchronous invocations; {@link #route} invokes them
 * synchronously, for objects written some other way.
 */
public final class ObjectCreatedRouter implements S3EventProxy.Listener {

    private final TemplateModel template;
    private final S3Client s3;
    private final BiFunction<String, JsonNode, FunctionResult> invoke;
    private final AsyncInvoker async;

    /**
     * @param s3 reads the created object's size and ETag
     * @param invoke calls a function (by name) synchronously
     * @param async delivers the events of the writes the S3 endpoint reports
     */
    public ObjectCreatedRouter(TemplateModel template, S3Client s3,
                               BiFunction<String, JsonNode, FunctionResult> invoke, AsyncInvoker async) {
        this.template = template;
        this.s3 = s3;
        this.invoke = invoke;
        this.async = async;
    }

    /**
     * A write the S3 endpoint saw: each routed function gets the event as an asynchronous invocation
     * ({@link AsyncInvoker}: Lambda's retries, then the function's DeadLetterQueue), as S3 and EventBridge deliver
     * it. Returns at once: the HeadObject that builds the event runs on the invoker's thread, not on the S3
     * endpoint's connection thread, whose very connection it may come back over.
     */
    @Override
    public void objectCreated(String bucket, String key, String reason) {
        if (routed(bucket)) {
            async.submit(() -> deliveries(bucket, key, reason), reason + " s3://" + bucket + "/" + key);
        }
    }

    /** Whether any function is routed events of this bucket (saves a HeadObject for the others). */
    private boolean routed(String bucket) {
        boolean eventBridge = template.buckets().stream().anyMatch(b -> b.name().equals(bucket)
                && b.eventBridgeEnabled());
        return template.functions().stream().flatMap(f -> f.events().stream()).anyMatch(e ->
                eventBridge && "EventBridgeRule".equals(e.type())
                        || "S3".equals(e.type()) && bucket.equals(String.valueOf(e.properties().get("Bucket"))));
    }

    /**
     * @param reason PutObject, CopyObject or CompleteMultipartUpload; {@code null} = from the ETag
     * @return each invocation's result, in template order (synchronous: the explicit event of
     *         {@code LocalClipflow.objectCreated})
     */
    public List<FunctionResult> route(String bucket, String key, String reason) {
        return deliveries(bucket, key, reason).stream().map(d -> invoke.apply(d.function().name(), d.event()))
                .toList();
    }

    /** The events the template routes an object's creation to, in template order (nothing invoked yet). */
    private List<Delivery> deliveries(String bucket, String key, String reason) {
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        String eTag = head.eTag() == null ? null : head.eTag().replace("\"", "");
        String why = reason != null ? reason
                : eTag != null && eTag.contains("-") ? "CompleteMultipartUpload" : "PutObject";
        S3Events.CreatedObject object = new S3Events.CreatedObject(bucket, key, head.contentLength(), eTag,
                head.versionId(), why);
        Optional<BucketDef> def = template.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst();
        Instant now = Instant.now();
        JsonNode bridgeEvent = S3Events.eventBridge(object, now);
        List<Delivery> deliveries = new ArrayList<>();
        for (FunctionDef f : template.functions()) {
            for (EventSourceDef e : f.events()) {
                if ("EventBridgeRule".equals(e.type()) && def.map(BucketDef::eventBridgeEnabled).orElse(false)
                        && e.properties().get("Pattern") instanceof java.util.Map<?, ?> pattern
                        && EventPatterns.matches(pattern, bridgeEvent)) {
                    deliveries.add(new Delivery(f, bridgeEvent));
                } else if ("S3".equals(e.type()) && bucket.equals(String.valueOf(e.properties().get("Bucket")))) {
                    deliveries.add(new Delivery(f, S3Events.notification(object, now)));
                }
            }
        }
        return deliveries;
    }
}
