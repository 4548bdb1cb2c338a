package dev.clipflow.local.runtime.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.task.ServiceResource;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.asl.task.TaskRequest;
import dev.clipflow.local.runtime.template.LocalAws;
import java.util.UUID;

/**
 * The state machine's role for its Lambda tasks: a task may invoke a function only when the role allows
 * {@code lambda:InvokeFunction} on the ARN it names (qualified by alias or version as named); otherwise it fails
 * as on AWS, with {@code Lambda.AWSLambdaException} and Lambda's AccessDeniedException text as the cause. Its
 * CloudWatch PutMetricData tasks (no local endpoint) are authorised here, as {@code cloudwatch:PutMetricData} on
 * {@code *} with the request's {@code cloudwatch:namespace}, failing with {@code CloudWatch.CloudWatchException}
 * and the AccessDenied text. Its DynamoDB, SQS and EventBridge tasks are signed with the role's key and authorised
 * by the endpoints ({@link JsonProtocolProxy}).
 */
public final class StateMachineAuthorizer implements TaskInvoker {

    private final Principals principals;
    private final Role role;
    private final TaskInvoker next;

    public StateMachineAuthorizer(Principals principals, Role role, TaskInvoker next) {
        this.principals = principals;
        this.role = role;
        this.next = next;
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        ServiceResource r = ServiceResource.parse(request.resource());
        String function = null;
        if (r.kind() == ServiceResource.Kind.LAMBDA_FUNCTION) {
            function = request.resource();
        } else if (r.kind() == ServiceResource.Kind.INTEGRATION && "lambda".equals(r.service())) {
            String name = request.parameters().path("FunctionName").asText();
            String qualifier = request.parameters().path("Qualifier").asText(null);
            function = (name.startsWith("arn:") ? name : LocalAws.functionArn(name))
                    + (qualifier == null ? "" : ":" + qualifier);
        }
        if (function != null) {
            AccessRequest invoke = new AccessRequest("lambda:InvokeFunction", function);
            principals.authorize(role, java.util.List.of(invoke)).ifPresent(d -> {
                throw new TaskFailedException("Lambda.AWSLambdaException", d.message() + " (Service: AWSLambda;"
                        + " Status Code: 403; Error Code: AccessDeniedException; Request ID: " + UUID.randomUUID()
                        + "; Proxy: null)");
            });
        }
        if (r.kind() == ServiceResource.Kind.INTEGRATION && "aws-sdk".equals(r.service())
                && "cloudwatch:putMetricData".equals(r.action())) {
            AccessRequest put = new AccessRequest("cloudwatch:PutMetricData", "*",
                    java.util.Map.of("cloudwatch:namespace", request.parameters().path("Namespace").asText("")));
            principals.authorize(role, java.util.List.of(put)).ifPresent(d -> {
                throw new TaskFailedException("CloudWatch.CloudWatchException", d.message()
                        + " (Service: CloudWatch, Status Code: 403, Request ID: " + UUID.randomUUID() + ")");
            });
        }
        return next.invoke(request);
    }
}
