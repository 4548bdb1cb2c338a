package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMappingTest {

    @Test
    void s3_objectOperations() {
        assertThat(S3Requests.map("GET", "/b/videos/a%20b.ts?x-id=GetObject", null, List.of()))
                .containsExactly(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/videos/a b.ts"));
        assertThat(S3Requests.map("HEAD", "/b/k", null, List.of()).get(0).action()).isEqualTo("s3:GetObject");
        assertThat(S3Requests.map("POST", "/b/k?uploads", null, List.of()).get(0).action()).isEqualTo("s3:PutObject");
        assertThat(S3Requests.map("PUT", "/b/k?partNumber=2&uploadId=u", null, List.of()).get(0).action())
                .isEqualTo("s3:PutObject");
        assertThat(S3Requests.map("DELETE", "/b/k?uploadId=u", null, List.of()).get(0).action())
                .isEqualTo("s3:AbortMultipartUpload");
        assertThat(S3Requests.map("PUT", "/b/k", "/src/s%2Bk", List.of())).containsExactly(
                new AccessRequest("s3:PutObject", "arn:aws:s3:::b/k"),
                new AccessRequest("s3:GetObject", "arn:aws:s3:::src/s+k"));
    }

    @Test
    void s3_bucketOperations() {
        assertThat(S3Requests.map("GET", "/b?list-type=2&prefix=videos%2F1%2F", null, List.of())).containsExactly(
                new AccessRequest("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:prefix", "videos/1/")));
        assertThat(S3Requests.map("POST", "/b?delete", null, List.of("k1", "k2"))).containsExactly(
                new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/k1"),
                new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/k2"));
        assertThat(S3Requests.map("GET", "/b?uploads", null, List.of()).get(0).action())
                .isEqualTo("s3:ListBucketMultipartUploads");
    }

    @Test
    void dynamoDb_tablesIndexesAndTransactions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String t = "arn:aws:dynamodb:us-east-1:000000000000:table/";
        assertThat(JsonRequests.map(JsonRequests.Service.DYNAMODB, "Query", json.readTree(
                "{\"TableName\":\"V\",\"IndexName\":\"byChannel\"}")))
                .containsExactly(new AccessRequest("dynamodb:Query", t + "V/index/byChannel"));
        assertThat(JsonRequests.map(JsonRequests.Service.DYNAMODB, "TransactWriteItems", json.readTree(
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"V\"}},{\"Update\":{\"TableName\":\"C\"}},"
                        + "{\"ConditionCheck\":{\"TableName\":\"Q\"}}]}")))
                .containsExactly(new AccessRequest("dynamodb:PutItem", t + "V"),
                        new AccessRequest("dynamodb:UpdateItem", t + "C"),
                        new AccessRequest("dynamodb:ConditionCheckItem", t + "Q"));
        assertThat(JsonRequests.map(JsonRequests.Service.DYNAMODB, "BatchWriteItem", json.readTree(
                "{\"RequestItems\":{\"F\":[]}}")))
                .containsExactly(new AccessRequest("dynamodb:BatchWriteItem", t + "F"));
    }

    @Test
    void sqsStatesAndSecrets() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(JsonRequests.map(JsonRequests.Service.SQS, "SendMessage", json.readTree(
                "{\"QueueUrl\":\"http://127.0.0.1:1/000000000000/q1\"}")))
                .containsExactly(new AccessRequest("sqs:SendMessage", "arn:aws:sqs:us-east-1:000000000000:q1"));
        assertThat(JsonRequests.map(JsonRequests.Service.STATES, "StartExecution", json.readTree(
                "{\"stateMachineArn\":\"arn:sm\"}"))).containsExactly(new AccessRequest("states:StartExecution",
                "arn:sm"));
        assertThat(JsonRequests.map(JsonRequests.Service.SECRETS_MANAGER, "GetSecretValue", json.readTree(
                "{\"SecretId\":\"s\"}"))).containsExactly(new AccessRequest("secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:s"));
    }

    @Test
    void eventBridge_putEvents_eachEntrysBusDefaultBusWhenNoneNamed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(JsonRequests.map(JsonRequests.Service.EVENTS, "PutEvents", json.readTree(
                "{\"Entries\":[{\"EventBusName\":\"videos\"},{\"Source\":\"x\"},"
                        + "{\"EventBusName\":\"arn:aws:events:us-east-1:000000000000:event-bus/other\"}]}")))
                .containsExactly(
                        new AccessRequest("events:PutEvents", "arn:aws:events:us-east-1:000000000000:event-bus/videos"),
                        new AccessRequest("events:PutEvents",
                                "arn:aws:events:us-east-1:000000000000:event-bus/default"),
                        new AccessRequest("events:PutEvents", "arn:aws:events:us-east-1:000000000000:event-bus/other"));
        assertThatThrownBy(() -> JsonRequests.map(JsonRequests.Service.EVENTS, "PutRule", json.readTree("{}")))
                .isInstanceOf(PolicyUnsupportedException.class);
    }

    @Test
    void principals_keyIdFromHeaderOrPresignedQuery() {
        assertThat(Principals.keyId("AWS4-HMAC-SHA256 Credential=ASIAX/20261207/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=abc", null)).isEqualTo("ASIAX");
        assertThat(Principals.keyId(null, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAY%2F20261207%2F"
                + "us-east-1%2Fs3%2Faws4_request&X-Amz-Signature=1")).isEqualTo("ASIAY");
        assertThat(Principals.keyId(null, "partNumber=1")).isNull();
    }
}
