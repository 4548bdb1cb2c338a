package dev.clipflow.local.runtime.template;

import java.nio.file.Path;
import java.util.Map;

/**
 * An {@code AWS::Serverless::StateMachine}.
 *
 * @param definitionUri the definition file, resolved against the template's folder ({@code null} when inline)
 * @param substitutions the resolved {@code DefinitionSubstitutions}
 * @param definition the definition text with every {@code ${name}} substituted
 */
public record StateMachineDef(String logicalId, String name, String type, Path definitionUri,
                              Map<String, String> substitutions, String definition) {

    public StateMachineDef {
        substitutions = Map.copyOf(substitutions);
    }

    public String arn() {
        return LocalAws.stateMachineArn(name);
    }
}
