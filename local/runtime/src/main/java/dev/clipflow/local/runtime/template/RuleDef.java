package dev.clipflow.local.runtime.template;

import java.util.List;
import java.util.Map;

/**
 * An enabled {@code AWS::Events::Rule} with SQS queue targets: the events of {@code busName} its
 * {@code pattern} matches go to each of {@code queueArns} (the whole event as the message body). Its other targets
 * have no local stand-in and are left out.
 */
public record RuleDef(String logicalId, String busName, Map<?, ?> pattern, List<String> queueArns) {
    public RuleDef {
        pattern = Map.copyOf(pattern);
        queueArns = List.copyOf(queueArns);
    }
}
