package dev.clipflow.local.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** GenerateSecretString as Secrets Manager's GetRandomPassword defines it. */
class GeneratedSecretStringTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void read_defaults_32CharactersOfEveryTypeAtLeastOnce() {
        String v = GeneratedSecretString.read("S", Map.of()).generate(random);

        assertThat(v).hasSize(32).containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
                .containsPattern("[^A-Za-z0-9]").doesNotContain(" ");
    }

    @RepeatedTest(20)
    void generate_exclusions_neverUsedAndEachRemainingTypePresent() {
        GeneratedSecretString g = GeneratedSecretString.read("S", Map.of("PasswordLength", 4,
                "ExcludePunctuation", true, "ExcludeUppercase", "true", "ExcludeCharacters", "0123456789abc",
                "IncludeSpace", true));

        String v = g.generate(random);
        assertThat(v).hasSize(4).matches("[d-z ]+").containsPattern("[d-z]").contains(" ");
    }

    @Test
    void read_invalidOptions_namedErrorsWithTheSecret() {
        assertThatThrownBy(() -> GeneratedSecretString.read("Key", Map.of("PasswordLength", 0)))
                .isInstanceOf(TemplateInvalidException.class).hasMessageContaining("Key").hasMessageContaining("1 to");
        assertThatThrownBy(() -> GeneratedSecretString.read("Key", Map.of("GenerateStringKey", "password")))
                .isInstanceOf(TemplateInvalidException.class).hasMessageContaining("SecretStringTemplate");
        assertThatThrownBy(() -> GeneratedSecretString.read("Key", Map.of("ExcludeLowercase", true,
                "ExcludeUppercase", true, "ExcludeNumbers", true, "ExcludePunctuation", true)))
                .isInstanceOf(TemplateInvalidException.class).hasMessageContaining("every character");
        assertThatThrownBy(() -> GeneratedSecretString.read("Key", Map.of("PasswordLength", 3)))
                .isInstanceOf(TemplateInvalidException.class).hasMessageContaining("too short");
    }
}
