package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static Role role(Object policies) {
        return new Role("F", "stack-FRole", "F", RolePolicies.read("F", policies, UnaryOperator.identity()));
    }

    private static Map<String, Object> allow(Object action, Object resource) {
        return Map.of("Effect", "Allow", "Action", action, "Resource", resource);
    }

    @Test
    void decide_noStatement_implicitDeny() {
        assertThat(role(List.of()).decide(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/k")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void decide_wildcardsInActionAndResource_actionCaseInsensitiveResourceNot() {
        Role r = role(List.of(Map.of("Statement", List.of(allow("S3:Get*", "arn:aws:s3:::b/videos/?/*")))));

        assertThat(r.decide(new AccessRequest("s3:getobject", "arn:aws:s3:::b/videos/1/x"))).isEqualTo(Decision.ALLOW);
        assertThat(r.decide(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/videos/12/x")))
                .as("? is one character").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/Videos/1/x")))
                .as("resources are case-sensitive").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:PutObject", "arn:aws:s3:::b/videos/1/x")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void decide_explicitDenyWinsOverAllow() {
        Role r = role(List.of(Map.of("Statement", List.of(allow("s3:*", "*"),
                Map.of("Effect", "Deny", "Action", "s3:DeleteObject", "Resource", "arn:aws:s3:::b/*")))));

        assertThat(r.decide(new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/k")))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:DeleteObject", "arn:aws:s3:::c/k"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void decide_notActionAndNotResource() {
        Role r = role(List.of(Map.of("Statement", List.of(
                Map.of("Effect", "Allow", "NotAction", "s3:Delete*", "Resource", "*"),
                Map.of("Effect", "Deny", "Action", "s3:*", "NotResource", "arn:aws:s3:::b/*")))));

        assertThat(r.decide(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/k"))).isEqualTo(Decision.ALLOW);
        assertThat(r.decide(new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/k")))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:GetObject", "arn:aws:s3:::c/k"))).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void decide_stringLikeCondition_onlyWithAMatchingKey() {
        Role r = role(List.of(Map.of("Statement", List.of(Map.of("Effect", "Allow", "Action", "s3:ListBucket",
                "Resource", "arn:aws:s3:::b", "Condition", Map.of("StringLike", Map.of("s3:prefix", "videos/*")))))));

        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:prefix", "videos/1/"))))
                .isEqualTo(Decision.ALLOW);
        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:prefix", "uploads/"))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b")))
                .as("a missing key fails a positive operator").isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void decide_negatedConditionAndIfExists_missingKeyHolds() {
        Role r = role(List.of(Map.of("Statement", List.of(Map.of("Effect", "Allow", "Action", "s3:ListBucket",
                "Resource", "*", "Condition", Map.of("StringNotEquals", Map.of("s3:prefix", "secret/"),
                        "StringEqualsIfExists", Map.of("s3:delimiter", "/")))))));

        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b"))).isEqualTo(Decision.ALLOW);
        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:prefix", "secret/"))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(r.decide(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:delimiter", ","))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void read_unevaluatedConditionOrManagedPolicy_refusedByName() {
        assertThatThrownBy(() -> role(List.of(Map.of("Statement", Map.of("Effect", "Allow", "Action", "s3:*",
                "Resource", "*", "Condition", Map.of("IpAddress", Map.of("aws:SourceIp", "10.0.0.0/8")))))))
                .isInstanceOf(PolicyUnsupportedException.class).hasMessageContaining("IpAddress");
        assertThatThrownBy(() -> role(List.of(Map.of("Statement", Map.of("Effect", "Allow", "Action", "s3:*",
                "Resource", "*", "Condition", Map.of("StringEquals", Map.of("aws:SourceVpce", "v")))))))
                .isInstanceOf(PolicyUnsupportedException.class).hasMessageContaining("aws:SourceVpce");
        assertThatThrownBy(() -> role(List.of("AmazonS3FullAccess")))
                .isInstanceOf(PolicyUnsupportedException.class).hasMessageContaining("AmazonS3FullAccess");
    }

    @Test
    void denial_message_isAwsText() {
        Role r = role(List.of());
        Denial d = r.check(List.of(new AccessRequest("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000"
                + ":table/T"))).orElseThrow();

        assertThat(d.message()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/stack-FRole/F is not"
                + " authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000"
                + ":table/T because no identity-based policy allows the dynamodb:PutItem action");
    }
}
