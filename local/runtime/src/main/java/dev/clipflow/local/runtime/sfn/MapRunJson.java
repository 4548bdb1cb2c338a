package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.ChildExecution;
import dev.clipflow.local.asl.eval.MapRun;
import dev.clipflow.local.asl.eval.MapRunCounts;
import dev.clipflow.local.asl.json.Json;

/** Response shapes of the Map Run operations and of child executions, in the Step Functions API's JSON. */
final class MapRunJson {

    private MapRunJson() {
    }

    /** A ListMapRuns {@code mapRuns} element. */
    static ObjectNode listItem(MapRun m) {
        ObjectNode o = Json.object();
        o.put("executionArn", m.executionArn());
        o.put("mapRunArn", m.arn());
        o.put("stateMachineArn", m.stateMachineArn());
        o.put("startDate", SfnJson.epoch(m.startDate()));
        if (m.stopDate() != null) {
            o.put("stopDate", SfnJson.epoch(m.stopDate()));
        }
        return o;
    }

    /** DescribeMapRun's response. */
    static ObjectNode describe(MapRun m) {
        ObjectNode o = Json.object();
        o.put("mapRunArn", m.arn());
        o.put("executionArn", m.executionArn());
        o.put("status", m.status().name());
        o.put("startDate", SfnJson.epoch(m.startDate()));
        if (m.stopDate() != null) {
            o.put("stopDate", SfnJson.epoch(m.stopDate()));
        }
        o.put("maxConcurrency", m.maxConcurrency());
        o.put("toleratedFailurePercentage", (float) m.toleratedFailurePercentage());
        o.put("toleratedFailureCount", m.toleratedFailureCount());
        o.set("itemCounts", counts(m.itemCounts()));
        o.set("executionCounts", counts(m.executionCounts()));
        o.put("redriveCount", 0);
        return o;
    }

    private static ObjectNode counts(MapRunCounts c) {
        return Json.object().put("pending", c.pending()).put("running", c.running()).put("succeeded", c.succeeded())
                .put("failed", c.failed()).put("timedOut", c.timedOut()).put("aborted", c.aborted())
                .put("total", c.total()).put("resultsWritten", c.resultsWritten()).put("failuresNotRedrivable", 0)
                .put("pendingRedrive", 0);
    }

    /** A ListExecutions element for a child execution (listed by {@code mapRunArn}). */
    static ObjectNode listItem(ChildExecution c) {
        ObjectNode o = Json.object();
        o.put("executionArn", c.arn());
        o.put("stateMachineArn", c.stateMachineArn());
        o.put("name", c.name());
        o.put("status", c.status().name());
        o.put("startDate", SfnJson.epoch(c.startDate()));
        if (c.stopDate() != null) {
            o.put("stopDate", SfnJson.epoch(c.stopDate()));
        }
        o.put("mapRunArn", c.mapRunArn());
        o.put("itemCount", c.itemCount());
        return o;
    }

    /** DescribeExecution's response for a child execution. */
    static ObjectNode describe(ChildExecution c) {
        ObjectNode o = listItem(c);
        o.remove("itemCount");
        o.put("input", Json.write(c.input()));
        o.putObject("inputDetails").put("included", true);
        if (c.output() != null) {
            o.put("output", Json.write(c.output()));
            o.putObject("outputDetails").put("included", true);
        }
        if (c.error() != null) {
            o.put("error", c.error());
        }
        if (c.cause() != null) {
            o.put("cause", c.cause());
        }
        o.put("redriveCount", 0);
        o.put("redriveStatus", switch (c.status()) {
            case FAILED, TIMED_OUT, ABORTED -> "REDRIVABLE_BY_MAP_RUN";
            default -> "NOT_REDRIVABLE";
        });
        return o;
    }
}
