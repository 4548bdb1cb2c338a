package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTemplatesTest {

    /** aws-sam-translator 1.115.0's policy_templates.json (sam-policy-templates.NOTICE.md). */
    static final String PUBLISHED_SHA256 = "3da6e0e839d44360b0f68d0d15f5962e709099e7b398f035a062e82c9f27ed89";

    @Test
    void resource_isThePublishedFileUnchanged() throws Exception {
        byte[] file;
        try (InputStream in = PolicyTemplates.class.getResourceAsStream(PolicyTemplates.RESOURCE)) {
            file = in.readAllBytes();
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(PUBLISHED_SHA256);
        String notice;
        try (InputStream in = PolicyTemplates.class.getResourceAsStream("sam-policy-templates.NOTICE.md")) {
            notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(notice).contains("aws-sam-translator 1.115.0").contains("Apache License 2.0")
                .contains(PUBLISHED_SHA256);
    }

    @Test
    void expand_dynamoDbCrud_bindsTheTableNameAndLeavesTheRestForCloudFormation() {
        List<Object> statements = PolicyTemplates.published().expand("DynamoDBCrudPolicy", Map.of("TableName", "T"));

        assertThat(statements).hasSize(1);
        Map<?, ?> s = (Map<?, ?>) statements.get(0);
        assertThat(s.get("Action").toString()).contains("dynamodb:GetItem", "dynamodb:BatchWriteItem")
                .doesNotContain("dynamodb:DeleteTable");
        assertThat(s.get("Resource").toString()).contains("tableName=T").contains("${AWS::Partition}")
                .doesNotContain("Ref");
    }

    @Test
    void expand_missingOrUnknownParameter_refusedByName() {
        assertThatThrownBy(() -> PolicyTemplates.published().expand("S3ReadPolicy", Map.of()))
                .isInstanceOf(PolicyUnsupportedException.class).hasMessageContaining("BucketName");
        assertThatThrownBy(() -> PolicyTemplates.published().expand("S3ReadPolicy", Map.of("BucketName", "b",
                "Bucket", "c"))).isInstanceOf(PolicyUnsupportedException.class)
                .hasMessageContaining("no parameter Bucket");
        assertThatThrownBy(() -> PolicyTemplates.published().expand("NoSuchPolicy", Map.of()))
                .isInstanceOf(PolicyUnsupportedException.class).hasMessageContaining("NoSuchPolicy");
    }

    @Test
    void names_coverTheTemplatesTheBriefNames() {
        assertThat(PolicyTemplates.published().names()).contains("DynamoDBCrudPolicy", "DynamoDBReadPolicy",
                "S3ReadPolicy", "S3CrudPolicy", "SQSSendMessagePolicy", "SQSPollerPolicy",
                "StepFunctionsExecutionPolicy", "AWSSecretsManagerGetSecretValuePolicy", "LambdaInvokePolicy");
    }
}
