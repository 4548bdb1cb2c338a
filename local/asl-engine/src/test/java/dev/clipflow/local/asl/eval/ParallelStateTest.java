package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelStateTest {

    @Test
    void parallel_branchResults_comeBackInBranchOrder() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","InputPath":"$.x","End":true}}}]}}}""",
                "{\"x\":1}", Fixtures.noFunctions());
        assertThat(Json.write(r.output())).isEqualTo("[\"a\",1]");
    }

    @Test
    @Timeout(20)
    void parallel_failingBranch_cancelsTheOthers() {
        List<String> invoked = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"Slow","States":{
                 "Slow":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Slow","Next":"After"},
                 "After":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:After","End":true}}},
              {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Broken","Cause":"branch 2"}}}]}}}""",
                "{}", req -> {
                    invoked.add(req.stateName());
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Json.object();
                });

        assertThat(r.error()).isEqualTo("Broken");
        assertThat(r.cause()).isEqualTo("branch 2");
        assertThat(invoked).doesNotContain("After");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }
}
