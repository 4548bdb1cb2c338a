package dev.clipflow.local.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.model.DistributedMapConfig;
import dev.clipflow.local.asl.model.MapState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributedMapValidationTest {

    private static final String PROCESSOR_STATES =
            "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}";

    /** One Map state {@code M}; {@code config} is the ProcessorConfig body, {@code extra} ends with a comma. */
    private static String map(String config, String extra) {
        return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + extra + "\"ItemProcessor\":{"
                + (config == null ? "" : "\"ProcessorConfig\":{" + config + "},") + PROCESSOR_STATES
                + "},\"End\":true}}}";
    }

    private static String distributed(String extra) {
        return map("\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"", extra);
    }

    private static List<String> problems(String definition) {
        return DefinitionParser.parse(definition).diagnostics().stream()
                .map(d -> d.code() + " " + d.location()).toList();
    }

    @Test
    void parse_distributedMapWithEveryField_isValidAndModelled() {
        ParseResult r = DefinitionParser.parse(map("\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"", """
            "ItemsPath":"$.items","ItemSelector":{"v.$":"$$.Map.Item.Value"},"MaxConcurrencyPath":"$.max",
            "ToleratedFailureCountPath":"$.n","ToleratedFailurePercentage":12.5,"Label":"chunks",
            "ItemBatcher":{"MaxItemsPerBatchPath":"$.per","MaxInputBytesPerBatch":1024,"BatchInput":{"k.$":"$.k"}},
            "ResultSelector":{"all.$":"$"},"Retry":[{"ErrorEquals":["States.ALL"]}],"""));

        assertThat(r.diagnostics()).isEmpty();
        MapState m = (MapState) r.orThrow().state("M");
        DistributedMapConfig config = m.distributed();
        assertThat(config.executionType()).isEqualTo(DistributedMapConfig.ExecutionType.EXPRESS);
        assertThat(config.label()).isEqualTo("chunks");
        assertThat(config.itemBatcher().maxItemsPerBatchPath().text()).isEqualTo("$.per");
        assertThat(config.itemBatcher().maxInputBytesPerBatch()).isEqualTo(1024);
        assertThat(config.itemBatcher().batchInput()).isNotNull();
    }

    @Test
    void parse_inlineMap_hasNoDistributedConfig() {
        MapState m = (MapState) DefinitionParser.parse(map(null, "")).orThrow().state("M");
        assertThat(m.distributed()).isNull();
    }

    @Test
    void parse_distributedWithoutExecutionType_isRejectedAsAwsRequiresIt() {
        assertThat(problems(map("\"Mode\":\"DISTRIBUTED\"", "")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig");
    }

    @Test
    void parse_badModeOrExecutionType_pointsAtTheField() {
        assertThat(problems(map("\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"FAST\"", "")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig/ExecutionType");
        assertThat(problems(map("\"Mode\":\"PARALLEL\"", "")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig/Mode");
        assertThat(problems(map("\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\",\"Other\":1", "")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig");
    }

    @Test
    void parse_distributedOnlyFieldsInInlineMode_areSchemaErrorsAtTheField() {
        assertThat(problems(map("\"Mode\":\"INLINE\",\"ExecutionType\":\"STANDARD\"", "")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig/ExecutionType");
        assertThat(problems(map(null, "\"Label\":\"l\",\"ItemBatcher\":{\"MaxItemsPerBatch\":2},"
                + "\"ItemReader\":{},\"ResultWriter\":{},")))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/M/Label",
                        "SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher",
                        "SCHEMA_VALIDATION_FAILED /States/M/ItemReader",
                        "SCHEMA_VALIDATION_FAILED /States/M/ResultWriter");
    }

    @Test
    void parse_itemReaderAndResultWriterInDistributedMode_areUnsupportedLocallySayingWhy() {
        List<Diagnostic> found = DefinitionParser.parse(distributed("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}},
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b"}},""")).diagnostics();

        assertThat(found).extracting(d -> d.code() + " " + d.location()).containsExactlyInAnyOrder(
                "UNSUPPORTED_BY_LOCAL_ENGINE /States/M/ItemReader",
                "UNSUPPORTED_BY_LOCAL_ENGINE /States/M/ResultWriter");
        assertThat(found).allSatisfy(d -> assertThat(d.message()).contains("is valid for AWS but not supported by"
                + " the local engine"));
        assertThat(found.getFirst().message()).contains("ItemsPath");
    }

    @Test
    void parse_labelBreakingAwsRules_isRejected() {
        for (String label : List.of("", "a".repeat(41), "two words", "a/b", "a:b", "tab\\there", "star*")) {
            assertThat(problems(distributed("\"Label\":\"" + label + "\",")))
                    .as(label).containsExactly("SCHEMA_VALIDATION_FAILED /States/M/Label");
        }
        assertThat(problems(distributed("\"Label\":\"" + "a".repeat(40) + "\","))).isEmpty();
        assertThat(problems(distributed("\"Label\":\"chunks-2_v\","))).isEmpty();
    }

    @Test
    void parse_sameLabelOnTwoMaps_isRejectedAtTheSecond() {
        String config = "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"}";
        assertThat(problems("""
            {"StartAt":"A","States":{
              "A":{"Type":"Map","Label":"same","ItemProcessor":{%1$s,"StartAt":"P1","States":{"P1":{"Type":"Pass",
                "End":true}}},"Next":"B"},
              "B":{"Type":"Map","Label":"same","ItemProcessor":{%1$s,"StartAt":"P2","States":{"P2":{"Type":"Pass",
                "End":true}}},"End":true}}}""".formatted(config)))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/B/Label");
    }

    @Test
    void parse_itemBatcherProblems_areReportedWithTheirPointers() {
        assertThat(problems(distributed("\"ItemBatcher\":{},")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher");
        assertThat(problems(distributed("\"ItemBatcher\":{\"BatchInput\":{\"a\":1}},")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher");
        assertThat(problems(distributed("\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"MaxItemsPerBatchPath\":\"$.n\"},")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher");
        assertThat(problems(distributed("\"ItemBatcher\":{\"MaxItemsPerBatch\":0,\"MaxInputBytesPerBatch\":262145},")))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher/MaxItemsPerBatch",
                        "SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher/MaxInputBytesPerBatch");
        assertThat(problems(distributed("\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":[1]},")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher/BatchInput");
        assertThat(problems(distributed("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":262144,\"Other\":1},")))
                .containsExactly("SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher");
    }

    @Test
    void parse_thresholdsAndConcurrency_areCheckedInDistributedModeToo() {
        assertThat(problems(distributed("\"ToleratedFailurePercentage\":101,\"MaxConcurrency\":-1,"
                + "\"ToleratedFailureCount\":1,\"ToleratedFailureCountPath\":\"$.n\",")))
                .containsExactlyInAnyOrder("SCHEMA_VALIDATION_FAILED /States/M/ToleratedFailurePercentage",
                        "SCHEMA_VALIDATION_FAILED /States/M/MaxConcurrency", "SCHEMA_VALIDATION_FAILED /States/M");
    }

    @Test
    void parse_labelOnAnotherStateType_isAnUnsupportedField() {
        assertThat(DefinitionParser.parse("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Label\":\"x\","
                + "\"End\":true}}}").diagnostics()).extracting(Diagnostic::render)
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Label' is not supported at /States/P");
    }
}
