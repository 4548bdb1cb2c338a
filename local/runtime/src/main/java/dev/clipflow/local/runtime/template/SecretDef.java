package dev.clipflow.local.runtime.template;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An {@code AWS::SecretsManager::Secret}: its name and either its {@code SecretString} or its
 * {@code GenerateSecretString}, whose value is generated when the local stack creates the secret (as CloudFormation
 * generates it at deployment: every start of the local stack has a new one).
 *
 * @param name the {@code Name}, else {@code <stack>-<LogicalId>}
 * @param secretString the literal value, or {@code null} when generated
 * @param generate how to generate the value, or {@code null} for a literal
 */
public record SecretDef(String logicalId, String name, String secretString, GeneratedSecretString generate) {

    public SecretDef {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        if ((secretString == null) == (generate == null)) {
            throw new TemplateInvalidException("The secret " + logicalId
                    + " needs exactly one of SecretString and GenerateSecretString");
        }
    }

    /** What {@code Ref} gives: the ARN without the random suffix (a partial ARN, which Secrets Manager accepts). */
    public String arn() {
        return LocalAws.secretArn(name);
    }

    /** The value to store: the literal one, or a new generated one. */
    public String value(SecureRandom random) {
        return secretString != null ? secretString : generate.generate(random);
    }
}
