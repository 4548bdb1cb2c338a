package dev.clipflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deploys template.yaml into LocalStack as {@code sam deploy} would, without SAM CLI: the function zips, the layer
 * and the state machine definition go to an artifacts bucket, the template's local paths become s3:// URIs
 * ({@link TemplateArtifacts}), and CreateStack runs the template with its SAM transform (LocalStack translates
 * {@code AWS::Serverless-2016-10-31}). Waits for CREATE_COMPLETE and answers the Outputs.
 */
public final class LocalStackDeployer {

    static final String ARTIFACTS_BUCKET = "clipflow-e2e-artifacts";
    static final int TEMPLATE_BODY_LIMIT = 51_200;

    private final S3Client s3;
    private final CloudFormationClient cfn;

    public LocalStackDeployer(S3Client s3, CloudFormationClient cfn) {
        this.s3 = s3;
        this.cfn = cfn;
    }

    /**
     * @throws DeployArtifactMissingException when a zip or the layer was not built
     * @throws StackDeployFailedException when the stack does not reach CREATE_COMPLETE
     */
    public Map<String, String> deploy(Path templateFile, String stackName, Duration timeout) {
        try {
            return deploy(Files.readString(templateFile), templateFile.getParent(), stackName, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param template the template's text (YAML or JSON, block-style keys for the artifact paths)
     * @param baseDir where its relative artifact paths start
     * @throws DeployArtifactMissingException when a zip or the layer was not built
     * @throws StackDeployFailedException when the stack does not reach CREATE_COMPLETE
     */
    public Map<String, String> deploy(String template, Path baseDir, String stackName, Duration timeout) {
        s3.createBucket(r -> r.bucket(ARTIFACTS_BUCKET));
        TemplateArtifacts.Rewritten rewritten = TemplateArtifacts.rewrite(template, baseDir,
                (key, file) -> {
                    s3.putObject(r -> r.bucket(ARTIFACTS_BUCKET).key(key), RequestBody.fromFile(file));
                    return "s3://" + ARTIFACTS_BUCKET + "/" + key;
                });
        String body = rewritten.body();
        List<Parameter> parameters = List.of(Parameter.builder().parameterKey("StageName").parameterValue("e2e")
                .build());
        if (body.length() <= TEMPLATE_BODY_LIMIT) {
            cfn.createStack(r -> r.stackName(stackName).templateBody(body).parameters(parameters)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                            Capability.CAPABILITY_AUTO_EXPAND));
        } else {
            s3.putObject(r -> r.bucket(ARTIFACTS_BUCKET).key("template.yaml"), RequestBody.fromString(body));
            String url = s3.utilities().getUrl(r -> r.bucket(ARTIFACTS_BUCKET).key("template.yaml")).toString();
            cfn.createStack(r -> r.stackName(stackName).templateURL(url).parameters(parameters)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                            Capability.CAPABILITY_AUTO_EXPAND));
        }
        StackStatus status = cfn.waiter().waitUntilStackCreateComplete(r -> r.stackName(stackName),
                o -> o.waitTimeout(timeout)).matched().response()
                .map(d -> d.stacks().getFirst().stackStatus()).orElse(StackStatus.UNKNOWN_TO_SDK_VERSION);
        if (status != StackStatus.CREATE_COMPLETE) {
            throw new StackDeployFailedException(stackName, status.toString(), failures(stackName));
        }
        return AwsTarget.outputs(cfn, stackName);
    }

    /** The stack's failed resources and their reasons, for the exception. */
    private String failures(String stackName) {
        try {
            return cfn.describeStackEvents(r -> r.stackName(stackName)).stackEvents().stream()
                    .filter(e -> e.resourceStatusAsString().endsWith("_FAILED"))
                    .map(StackEvent::resourceStatusReason).distinct().limit(10).collect(Collectors.joining("; "));
        } catch (RuntimeException e) {
            return "(no stack events: " + RealTargetProbes.firstLine(e) + ")";
        }
    }
}
