package dev.clipflow.local.runtime;

import dev.clipflow.local.runtime.template.BucketDef;
import dev.clipflow.local.runtime.template.QueueDef;
import dev.clipflow.local.runtime.template.SecretDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import dev.clipflow.testing.template.TemplateTables;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's buckets, tables (keys, GSIs, TTL), queues (dead-letter queues first, then the
 * redrive policies pointing at them) and secrets (generated values generated now) on the emulators. Returns the
 * queue URLs by logical id.
 */
final class Provisioner {

    private Provisioner() {
    }

    static void buckets(TemplateModel template, S3Client s3) {
        for (BucketDef b : template.buckets()) {
            s3.createBucket(r -> r.bucket(b.name()));
        }
    }

    /**
     * Creates the template's secrets; {@code values} (by logical id) replaces a secret's template value, as an
     * operator's {@code put-secret-value} after a deploy does (the local signing key, {@link LocalSigningKeys}).
     */
    static void secrets(TemplateModel template, SecretsManagerClient secretsManager, Map<String, String> values) {
        SecureRandom random = new SecureRandom();
        for (SecretDef s : template.secrets()) {
            String value = values.containsKey(s.logicalId()) ? values.get(s.logicalId()) : s.value(random);
            secretsManager.createSecret(r -> r.name(s.name()).secretString(value));
        }
    }

    static void tables(TemplateModel template, DynamoDbClient dynamo) {
        template.tables().forEach(t -> TemplateTables.create(dynamo, t));
    }

    static Map<String, String> queues(TemplateModel template, SqsClient sqs) {
        Map<String, String> urls = new LinkedHashMap<>();
        List<QueueDef> pending = new ArrayList<>(template.queues());
        while (!pending.isEmpty()) {
            QueueDef next = pending.stream().filter(q -> q.deadLetterQueue() == null
                    || urls.containsKey(q.deadLetterQueue())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Queues with a redrive cycle: " + pending));
            pending.remove(next);
            Map<QueueAttributeName, String> attrs = new LinkedHashMap<>();
            next.attributes().forEach((k, v) -> attrs.put(QueueAttributeName.fromValue(k), v));
            if (next.deadLetterQueue() != null) {
                QueueDef dlq = template.queues().stream().filter(q -> q.logicalId().equals(next.deadLetterQueue()))
                        .findFirst().orElseThrow();
                attrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlq.arn()
                        + "\",\"maxReceiveCount\":\"" + next.maxReceiveCount() + "\"}");
            }
            urls.put(next.logicalId(), sqs.createQueue(r -> r.queueName(next.name()).attributes(attrs)).queueUrl());
        }
        return urls;
    }
}
