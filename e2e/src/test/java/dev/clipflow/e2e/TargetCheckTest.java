package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

    /** Probes with fixed answers; records whether the stack was asked about. */
    static final class FixedProbes implements TargetProbes {
        final Optional<String> docker;
        final Optional<String> credentials;
        final Optional<String> stack;
        boolean stackAsked;

        FixedProbes(String docker, String credentials, String stack) {
            this.docker = Optional.ofNullable(docker);
            this.credentials = Optional.ofNullable(credentials);
            this.stack = Optional.ofNullable(stack);
        }

        @Override
        public Optional<String> dockerProblem() {
            return docker;
        }

        @Override
        public Optional<String> awsCredentialsProblem(E2eSettings settings) {
            return credentials;
        }

        @Override
        public Optional<String> stackProblem(E2eSettings settings) {
            stackAsked = true;
            return stack;
        }
    }

    static E2eSettings settings(Map<String, String> props) {
        return E2eSettings.from(props::get);
    }

    @Test
    void settings_nothingSet_localWithPinnedLocalStackImage() {
        E2eSettings s = settings(Map.of());

        assertThat(s.target()).isEqualTo(E2eTarget.LOCAL);
        assertThat(s.localstackImage()).isEqualTo("localstack/localstack-pro:4.14.0");
        assertThat(s.stack()).isEmpty();
    }

    @Test
    void settings_awsWithStackRegionProfile_read() {
        E2eSettings s = settings(Map.of("e2e.target", " AWS ", "e2e.stack", "clipflow-dev", "e2e.region",
                "eu-west-1", "e2e.profile", "dev", "e2e.localstack.image", "localstack/localstack-pro:2026.03.0"));

        assertThat(s.target()).isEqualTo(E2eTarget.AWS);
        assertThat(s.describe()).isEqualTo("target=aws stack=clipflow-dev region=eu-west-1 profile=dev");
        assertThat(s.localstackImage()).isEqualTo("localstack/localstack-pro:2026.03.0");
    }

    @Test
    void settings_unknownTarget_failsInsteadOfSkipping() {
        assertThatThrownBy(() -> settings(Map.of("e2e.target", "staging")))
                .isInstanceOf(E2eTargetUnknownException.class)
                .hasMessageContaining("local, localstack, localstack-community or aws");
    }

    @Test
    void settings_localstackCommunity_pinnedTokenFreeImage() {
        E2eSettings s = settings(Map.of("e2e.target", "localstack-community"));

        assertThat(s.target()).isEqualTo(E2eTarget.LOCALSTACK_COMMUNITY);
        assertThat(s.localstackImage()).isEqualTo("localstack/localstack:4.14.0");
        assertThat(s.describe()).isEqualTo("target=localstack-community image=localstack/localstack:4.14.0");
        assertThat(E2eTarget.LOCALSTACK_COMMUNITY.id()).isEqualTo("localstack-community");
    }

    @Test
    void check_localstackCommunityWithoutDocker_cannotRunWithReason() {
        TargetCheck c = TargetCheck.of(settings(Map.of("e2e.target", "localstack-community")),
                new FixedProbes("no Docker engine found", null, null));

        assertThat(c.reason()).hasValue("target=localstack-community needs Docker: no Docker engine found");
    }

    @Test
    void check_local_alwaysRuns() {
        assertThat(TargetCheck.of(settings(Map.of()), new FixedProbes("x", "x", "x")).canRun()).isTrue();
    }

    @Test
    void check_localstackWithoutDocker_cannotRunWithReason() {
        TargetCheck c = TargetCheck.of(settings(Map.of("e2e.target", "localstack")),
                new FixedProbes("no Docker engine found", null, null));

        assertThat(c.canRun()).isFalse();
        assertThat(c.reason()).hasValue("target=localstack needs Docker: no Docker engine found");
    }

    @Test
    void check_localstackWithDocker_runs() {
        assertThat(TargetCheck.of(settings(Map.of("e2e.target", "localstack")), new FixedProbes(null, "x", "x"))
                .canRun()).isTrue();
    }

    @Test
    void check_awsWithoutStackName_cannotRunAndNamesTheProperty() {
        FixedProbes probes = new FixedProbes(null, null, null);

        TargetCheck c = TargetCheck.of(settings(Map.of("e2e.target", "aws")), probes);

        assertThat(c.reason()).get().asString().contains("-De2e.stack=<name>");
        assertThat(probes.stackAsked).isFalse();
    }

    @Test
    void check_awsWithoutCredentials_cannotRunAndDoesNotAskForTheStack() {
        FixedProbes probes = new FixedProbes(null, "Unable to load credentials from any of the providers", null);

        TargetCheck c = TargetCheck.of(settings(Map.of("e2e.target", "aws", "e2e.stack", "s")), probes);

        assertThat(c.reason()).get().asString().startsWith("target=aws has no AWS credentials")
                .endsWith("Unable to load credentials from any of the providers");
        assertThat(probes.stackAsked).isFalse();
    }

    @Test
    void check_awsStackMissing_cannotRunWithTheServiceAnswer() {
        TargetCheck c = TargetCheck.of(settings(Map.of("e2e.target", "aws", "e2e.stack", "gone")),
                new FixedProbes(null, null, "Stack with id gone does not exist"));

        assertThat(c.reason()).hasValue("target=aws cannot use stack 'gone': Stack with id gone does not exist");
    }

    @Test
    void check_awsEverythingThere_runs() {
        assertThat(TargetCheck.of(settings(Map.of("e2e.target", "aws", "e2e.stack", "s")),
                new FixedProbes("no docker", null, null)).canRun()).isTrue();
    }

    @Test
    void realProbes_profileThatDoesNotExist_credentialsProblem() {
        E2eSettings s = settings(Map.of("e2e.target", "aws", "e2e.stack", "clipflow-e2e-none",
                "e2e.profile", "clipflow-e2e-no-such-profile", "e2e.region", "us-east-1"));

        TargetCheck c = TargetCheck.of(s, new RealTargetProbes());

        assertThat(c.canRun()).isFalse();
        assertThat(c.reason()).get().asString().startsWith("target=aws has no AWS credentials")
                .contains("profile=clipflow-e2e-no-such-profile");
    }
}
