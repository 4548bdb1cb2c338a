package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The skip path of the localstack and aws targets, through the real JUnit engine: an unrunnable target reports
 * every test as skipped with its reason (none succeeds, none fails), and prints the reason.
 */
class SkipReportingTest {

    @Test
    void awsTargetWithoutCredentials_everyTestSkippedWithTheReason() {
        EngineExecutionResults results = run(SkippableSample.class)
                .configurationParameter("e2e.target", "aws")
                .configurationParameter("e2e.stack", "clipflow-e2e-none")
                .configurationParameter("e2e.region", "us-east-1")
                .configurationParameter("e2e.profile", "clipflow-e2e-no-such-profile")
                .execute();

        results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
        results.testEvents().assertStatistics(s -> s.started(0).succeeded(0).failed(0));
        List<String> reasons = results.containerEvents().skipped().stream().map(SkipReportingTest::reason).toList();
        assertThat(reasons).singleElement().asString()
                .startsWith("SKIPPED e2e (aws): target=aws has no AWS credentials")
                .contains("clipflow-e2e-no-such-profile");
    }

    @Test
    void awsTargetWithoutStackName_skippedAndNamesTheSwitch() {
        EngineExecutionResults results = run(SkippableSample.class)
                .configurationParameter("e2e.target", "aws")
                .configurationParameter("e2e.stack", "")
                .execute();

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        assertThat(results.containerEvents().skipped().stream().map(SkipReportingTest::reason).toList()).singleElement()
                .asString().contains("-De2e.stack=<name>");
    }

    @Test
    void localstackTargetWithoutDocker_skippedAndReasonPrinted() {
        EngineExecutionResults results = run(NoDockerSample.class)
                .configurationParameter("e2e.target", "localstack")
                .execute();

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        assertThat(results.containerEvents().skipped().stream().map(SkipReportingTest::reason).toList()).singleElement()
                .asString().isEqualTo("SKIPPED e2e (localstack): target=localstack needs Docker: "
                        + "no Docker engine found (test probe)");
        assertThat(NoDockerSample.PRINTED.toString(StandardCharsets.UTF_8))
                .contains("[e2e] NoDockerSample: SKIPPED e2e (localstack): target=localstack needs Docker");
    }

    @Test
    void localstackCommunityTargetWithoutDocker_skippedAndReasonPrinted() {
        EngineExecutionResults results = run(NoDockerSample.class)
                .configurationParameter("e2e.target", "localstack-community")
                .execute();

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        assertThat(results.containerEvents().skipped().stream().map(SkipReportingTest::reason).toList()).singleElement()
                .asString().isEqualTo("SKIPPED e2e (localstack-community): target=localstack-community needs Docker: "
                        + "no Docker engine found (test probe)");
        assertThat(NoDockerSample.PRINTED.toString(StandardCharsets.UTF_8))
                .contains("[e2e] NoDockerSample: SKIPPED e2e (localstack-community): target=localstack-community "
                        + "needs Docker");
    }

    @Test
    void unknownTarget_classFailsInsteadOfSkipping() {
        EngineExecutionResults results = run(SkippableSample.class)
                .configurationParameter("e2e.target", "prod")
                .execute();

        results.containerEvents().assertStatistics(s -> s.skipped(0).failed(1));
    }

    static EngineTestKit.Builder run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample));
    }

    static String reason(Event e) {
        return e.getPayload(String.class).orElse("");
    }
}
