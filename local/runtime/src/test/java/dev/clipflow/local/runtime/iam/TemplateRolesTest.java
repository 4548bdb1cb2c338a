package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.template.TemplateModel;
import org.junit.jupiter.api.Test;

class TemplateRolesTest {

    static final TemplateModel MODEL = TemplateModel.load(RepoRoot.get().resolve("template.yaml"));
    static final String VIDEOS = "arn:aws:dynamodb:us-east-1:000000000000:table/clipflow-local-VideosTable";

    @Test
    void roles_oneForEachFunctionAndTheStateMachine() {
        assertThat(MODEL.roles()).hasSize(MODEL.functions().size() + MODEL.stateMachines().size());
        assertThat(MODEL.role("IngestFunction").orElseThrow().assumedRoleArn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/clipflow-local-IngestFunctionRole/IngestFunction");
    }

    @Test
    void samPolicyTemplates_expandedToLocalArns() {
        Role ingest = MODEL.role("IngestFunction").orElseThrow();
        String machine = MODEL.stateMachine().arn();
        assertThat(ingest.decide(new AccessRequest("states:StartExecution", machine))).isEqualTo(Decision.ALLOW);
        assertThat(ingest.decide(new AccessRequest("states:StartExecution", machine + "-other")))
                .isEqualTo(Decision.IMPLICIT_DENY);

        Role social = MODEL.role("SocialApiFunction").orElseThrow();
        String secret = MODEL.function("SocialApiFunction").orElseThrow().environment().get("CURSOR_SECRET_ARN");
        assertThat(social.decide(new AccessRequest("secretsmanager:GetSecretValue", secret)))
                .isEqualTo(Decision.ALLOW);
        assertThat(MODEL.role("IngestFunction").orElseThrow().decide(new AccessRequest(
                "secretsmanager:GetSecretValue", secret))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void inlineStatements_leastPrivilegeAsWritten() {
        Role ingest = MODEL.role("IngestFunction").orElseThrow();
        assertThat(ingest.decide(new AccessRequest("dynamodb:UpdateItem", VIDEOS))).isEqualTo(Decision.ALLOW);
        assertThat(ingest.decide(new AccessRequest("dynamodb:DeleteItem", VIDEOS))).isEqualTo(Decision.IMPLICIT_DENY);
        Role cleanup = MODEL.role("CleanupFunction").orElseThrow();
        String media = "arn:aws:s3:::clipflow-local-mediabucket";
        assertThat(cleanup.decide(S3Requests.listForMissingKey("clipflow-local-mediabucket", "videos/v1/x")))
                .isEqualTo(Decision.ALLOW);
        assertThat(cleanup.decide(new AccessRequest("s3:ListBucket", media, java.util.Map.of("s3:prefix",
                "uploads/")))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void stateMachineRole_invokesTheAliasesOnly() {
        Role machine = MODEL.role(MODEL.stateMachine().logicalId()).orElseThrow();
        String probe = MODEL.stateMachine().substitutions().get("ProbeFunctionArn");
        assertThat(probe).endsWith(":function:ProbeFunction:live");
        assertThat(machine.decide(new AccessRequest("lambda:InvokeFunction", probe))).isEqualTo(Decision.ALLOW);
        assertThat(machine.decide(new AccessRequest("lambda:InvokeFunction", probe.replace(":live", ""))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }
}
