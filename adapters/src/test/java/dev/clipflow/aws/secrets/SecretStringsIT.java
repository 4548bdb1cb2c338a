package dev.clipflow.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.testing.Emulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** The SDK's Secrets Manager client against the emulators' Secrets Manager, as a function configures it. */
class SecretStringsIT {

    private final SecretsManagerClient client = new AwsClients(Emulators.shared().lookup()).secretsManager();
    private final SecretStrings secrets = new SecretStrings(client);

    @Test
    void read_byArnPartialArnOrName_currentString() {
        String name = Emulators.uniqueName("cursor-key");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).secretString("s3cr3t-value"));

        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name
                + "-[A-Za-z0-9]{6}");
        assertThat(secrets.read(created.arn())).isEqualTo("s3cr3t-value");
        assertThat(secrets.read(created.arn().substring(0, created.arn().length() - 7))).isEqualTo("s3cr3t-value");
        assertThat(secrets.read(name)).isEqualTo("s3cr3t-value");
        assertThatThrownBy(() -> client.createSecret(r -> r.name(name).secretString("other")))
                .isInstanceOf(ResourceExistsException.class);
    }

    @Test
    void read_missingSecret_namedErrorWithTheIdNotAValue() {
        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + Emulators.uniqueName("nope") + "-abcdef";

        assertThatThrownBy(() -> secrets.read(arn)).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining(arn).hasMessageContaining("ResourceNotFoundException");
        assertThatThrownBy(() -> secrets.read(" ")).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("No secret id");
    }
}
