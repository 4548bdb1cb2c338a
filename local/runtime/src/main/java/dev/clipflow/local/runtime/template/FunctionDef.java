package dev.clipflow.local.runtime.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A function of the template (an {@code AWS::Serverless::Function}), with {@code Globals} merged in and every
 * intrinsic resolved.
 *
 * @param name the local function name: the logical id
 * @param codeUri the artifact, resolved against the template's folder
 * @param environment the merged {@code Environment.Variables}, as strings
 * @param autoPublishAlias the alias name ({@code live}) or {@code null}
 * @param async retries and dead-letter queue of its asynchronous invocations
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}, or {@link #UNRESERVED} without one
 */
public record FunctionDef(String logicalId, String name, Path codeUri, String handler, String runtime,
                          int memoryMb, int timeoutSeconds, Map<String, String> environment,
                          List<EventSourceDef> events, String autoPublishAlias, AsyncInvokeConfig async,
                          int reservedConcurrency) {

    /** No {@code ReservedConcurrentExecutions} (or {@code !Ref AWS::NoValue}). */
    public static final int UNRESERVED = -1;

    public FunctionDef {
        environment = Map.copyOf(environment);
        events = List.copyOf(events);
    }

    public String arn() {
        return LocalAws.functionArn(name);
    }

    /** The events of one type ({@code EventBridgeRule}, {@code SQS}, {@code S3}, {@code HttpApi}, ...). */
    public List<EventSourceDef> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
