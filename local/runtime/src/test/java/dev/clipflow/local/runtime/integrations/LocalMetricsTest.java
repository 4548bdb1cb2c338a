package dev.clipflow.local.runtime.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import org.junit.jupiter.api.Test;

class LocalMetricsTest {

    private final LocalMetrics metrics = new LocalMetrics();

    @Test
    void putMetricData_recordsEveryDataPointAndAnswersPutMetricDatasEmptyResult() {
        var result = metrics.putMetricData(Json.parse("""
                {"Namespace": "Clipflow", "MetricData": [
                  {"MetricName": "PublishBranchFailures", "Value": 1, "Unit": "Count"},
                  {"MetricName": "PublishBranchFailures", "Value": 1, "Unit": "Count",
                   "Dimensions": [{"Name": "Branch", "Value": "subscription"}]}]}"""));

        assertThat(result.isEmpty()).isTrue();
        assertThat(metrics.recorded()).hasSize(2).allSatisfy(d -> {
            assertThat(d.namespace()).isEqualTo("Clipflow");
            assertThat(d.name()).isEqualTo("PublishBranchFailures");
            assertThat(d.value()).isEqualTo(1.0);
        });
        assertThat(metrics.recorded().get(1).dimensions().get(0).path("Value").asText()).isEqualTo("subscription");
    }

    @Test
    void putMetricData_whatCloudWatchRefuses_failsTheTaskByNameAndRecordsNothing() {
        for (String bad : new String[] {
            "{\"MetricData\": [{\"MetricName\": \"M\", \"Value\": 1}]}",
            "{\"Namespace\": \"AWS/Lambda\", \"MetricData\": [{\"MetricName\": \"M\", \"Value\": 1}]}",
            "{\"Namespace\": \"Clipflow\", \"MetricData\": []}",
            "{\"Namespace\": \"Clipflow\", \"MetricData\": [{\"MetricName\": \"M\", \"Value\": 1}, {\"Value\": 1}]}"}) {
            assertThatThrownBy(() -> metrics.putMetricData(Json.parse(bad))).as(bad)
                    .isInstanceOf(TaskFailedException.class)
                    .extracting(e -> ((TaskFailedException) e).error())
                    .isEqualTo("CloudWatch.InvalidParameterValueException");
        }
        assertThat(metrics.recorded()).isEmpty();
    }
}
