package dev.clipflow.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.DistributedMapConfig;
import dev.clipflow.local.asl.model.ItemBatcher;
import dev.clipflow.local.asl.model.MapState;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.template.PayloadTemplate;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the Map state, INLINE and DISTRIBUTED. Fields only AWS's distributed mode accepts (Label, ItemBatcher,
 * ItemReader, ResultWriter, ExecutionType) are schema errors in INLINE mode; ItemReader and ResultWriter are
 * reported as unsupported by this engine in DISTRIBUTED mode.
 */
final class MapParser {

    static final Set<String> MAP = Set.of("Type", "Comment", "ItemProcessor", "Iterator", "ItemsPath",
            "ItemSelector", "Parameters", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "InputPath",
            "OutputPath", "ResultPath", "ResultSelector", "Retry", "Catch", "Next", "End", "QueryLanguage", "Label",
            "ItemBatcher", "ItemReader", "ResultWriter");
    static final Set<String> DISTRIBUTED_ONLY = Set.of("Label", "ItemBatcher", "ItemReader", "ResultWriter");
    static final Set<String> PROCESSOR = Set.of("Comment", "StartAt", "States", "ProcessorConfig", "QueryLanguage");
    static final Set<String> PROCESSOR_CONFIG = Set.of("Mode", "ExecutionType");
    static final Set<String> BATCHER = Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
            "MaxInputBytesPerBatchPath", "BatchInput");
    /** Characters AWS's naming rules forbid (state machine and execution names, Map Run labels). */
    static final String FORBIDDEN_IN_LABEL = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private final DefinitionParser p;
    private final TaskParser tasks;
    private final Fields f;

    MapParser(DefinitionParser p, TaskParser tasks) {
        this.p = p;
        this.tasks = tasks;
        this.f = p.f;
    }

    MapState map(String name, JsonNode s, String sp) {
        Set<String> unsupported = new HashSet<>(DefinitionParser.UNSUPPORTED_EVERYWHERE);
        unsupported.removeAll(DISTRIBUTED_ONLY);
        f.allowOnly(s, MAP, unsupported, sp);
        String procField = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        exclusive(s, "ItemProcessor", "Iterator", sp);
        exclusive(s, "ItemSelector", "Parameters", sp);
        JsonNode proc = s.get(procField);
        StateMachineModel processor = null;
        boolean distributed = false;
        DistributedMapConfig.ExecutionType executionType = null;
        String pp = Fields.ptr(sp, procField);
        if (proc == null) {
            f.schema("These fields are required: [ItemProcessor]", sp);
        } else if (!proc.isObject()) {
            f.schema("The value for the field '" + procField + "' must be an OBJECT", pp);
        } else {
            f.allowOnly(proc, PROCESSOR, Set.of(), pp);
            JsonNode config = proc.get("ProcessorConfig");
            String cp = Fields.ptr(pp, "ProcessorConfig");
            if (config != null && !config.isObject()) {
                f.schema("The value for the field 'ProcessorConfig' must be an OBJECT", cp);
            } else if (config != null) {
                f.allowOnly(config, PROCESSOR_CONFIG, Set.of(), cp);
                distributed = "DISTRIBUTED".equals(mode(config, cp));
                executionType = executionType(config, cp, distributed);
            }
            processor = p.machine(proc, pp, null);
        }
        DistributedMapConfig config = null;
        if (distributed) {
            notSupportedLocally(s, "ItemReader", sp, "reading the items from Amazon S3; pass them in the state input"
                    + " and select them with ItemsPath");
            notSupportedLocally(s, "ResultWriter", sp, "exporting the results to Amazon S3; the results are the"
                    + " state's output");
            config = new DistributedMapConfig(executionType, label(s, sp), batcher(s, sp));
        } else {
            for (String field : List.of("Label", "ItemBatcher", "ItemReader", "ResultWriter")) {
                if (s.has(field)) {
                    f.schema("The field '" + field + "' is only supported when the ProcessorConfig Mode is"
                            + " DISTRIBUTED", Fields.ptr(sp, field));
                }
            }
        }
        PayloadTemplate selector = p.template(s, s.has("ItemSelector") ? "ItemSelector" : "Parameters", sp);
        Integer max = f.integer(s, "MaxConcurrency", sp, 0, Integer.MAX_VALUE);
        exclusive(s, "MaxConcurrency", "MaxConcurrencyPath", sp);
        exclusive(s, "ToleratedFailureCount", "ToleratedFailureCountPath", sp);
        exclusive(s, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", sp);
        QueryPath items = f.queryPath(s, "ItemsPath", sp);
        return new MapState(name, p.io(s, sp, false, true), items == null ? QueryPath.parse("$") : items, selector,
                processor, config, max == null ? 0 : max, f.referencePath(s, "MaxConcurrencyPath", sp, false, false),
                f.integer(s, "ToleratedFailureCount", sp, 0, Integer.MAX_VALUE),
                f.referencePath(s, "ToleratedFailureCountPath", sp, false, false),
                f.decimal(s, "ToleratedFailurePercentage", sp, BigDecimal.ZERO, BigDecimal.valueOf(100)),
                f.referencePath(s, "ToleratedFailurePercentagePath", sp, false, false), tasks.retry(s, sp),
                tasks.catchers(s, sp), p.nextOrEnd(s, sp));
    }

    private String mode(JsonNode config, String cp) {
        JsonNode mode = config.get("Mode");
        if (mode == null || (mode.isTextual() && "INLINE".equals(mode.textValue()))) {
            return "INLINE";
        }
        if (mode.isTextual() && "DISTRIBUTED".equals(mode.textValue())) {
            return "DISTRIBUTED";
        }
        f.schema("The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]", Fields.ptr(cp, "Mode"));
        return "INLINE";
    }

    /** AWS requires ExecutionType in DISTRIBUTED mode and rejects it in INLINE mode. */
    private DistributedMapConfig.ExecutionType executionType(JsonNode config, String cp, boolean distributed) {
        JsonNode type = config.get("ExecutionType");
        if (type == null) {
            if (distributed) {
                f.schema("These fields are required: [ExecutionType]", cp);
            }
            return DistributedMapConfig.ExecutionType.STANDARD;
        }
        if (!distributed) {
            f.schema("The field 'ExecutionType' is only supported when the ProcessorConfig Mode is DISTRIBUTED",
                    Fields.ptr(cp, "ExecutionType"));
        }
        if (type.isTextual() && ("STANDARD".equals(type.textValue()) || "EXPRESS".equals(type.textValue()))) {
            return DistributedMapConfig.ExecutionType.valueOf(type.textValue());
        }
        f.schema("The value for the field 'ExecutionType' must be one of [STANDARD, EXPRESS]",
                Fields.ptr(cp, "ExecutionType"));
        return DistributedMapConfig.ExecutionType.STANDARD;
    }

    private void notSupportedLocally(JsonNode s, String field, String sp, String what) {
        if (s.has(field)) {
            f.error(Diagnostic.UNSUPPORTED, "The field '" + field + "' (" + what + ") is valid for AWS but not"
                    + " supported by the local engine (see docs/asl-feature-support.md)", Fields.ptr(sp, field));
        }
    }

    /** AWS: 1 to 40 characters, none of its naming rules' forbidden characters, unique in the definition. */
    private String label(JsonNode s, String sp) {
        String label = f.string(s, "Label", sp, false);
        if (label == null) {
            return null;
        }
        String lp = Fields.ptr(sp, "Label");
        if (label.isEmpty() || label.length() > DistributedMapConfig.LABEL_MAX_LENGTH) {
            f.schema("The value for the field 'Label' must be 1 to " + DistributedMapConfig.LABEL_MAX_LENGTH
                    + " characters long", lp);
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (FORBIDDEN_IN_LABEL.indexOf(c) >= 0 || Character.isWhitespace(c) || c <= 0x1f
                    || (c >= 0x7f && c <= 0x9f)) {
                f.schema("The value for the field 'Label' must not contain whitespace, brackets, wildcard,"
                        + " special or control characters: " + Json.write(Json.text(String.valueOf(c))), lp);
                break;
            }
        }
        if (!p.labels.add(label)) {
            f.schema("The value for the field 'Label' must be unique within the state machine: " + label, lp);
        }
        return label;
    }

    private ItemBatcher batcher(JsonNode s, String sp) {
        JsonNode b = s.get("ItemBatcher");
        if (b == null) {
            return null;
        }
        String bp = Fields.ptr(sp, "ItemBatcher");
        if (!b.isObject()) {
            f.schema("The value for the field 'ItemBatcher' must be an OBJECT", bp);
            return null;
        }
        f.allowOnly(b, BATCHER, Set.of(), bp);
        exclusive(b, "MaxItemsPerBatch", "MaxItemsPerBatchPath", bp);
        exclusive(b, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", bp);
        if (!b.has("MaxItemsPerBatch") && !b.has("MaxItemsPerBatchPath") && !b.has("MaxInputBytesPerBatch")
                && !b.has("MaxInputBytesPerBatchPath")) {
            f.schema("At least one of the fields [MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch,"
                    + " MaxInputBytesPerBatchPath] must be specified", bp);
        }
        return new ItemBatcher(f.integer(b, "MaxItemsPerBatch", bp, 1, Integer.MAX_VALUE),
                f.referencePath(b, "MaxItemsPerBatchPath", bp, false, false),
                f.integer(b, "MaxInputBytesPerBatch", bp, 1, ItemBatcher.MAX_INPUT_BYTES),
                f.referencePath(b, "MaxInputBytesPerBatchPath", bp, false, false), p.template(b, "BatchInput", bp));
    }

    private void exclusive(JsonNode s, String a, String b, String sp) {
        if (s.has(a) && s.has(b)) {
            f.schema("Only one of the fields [" + a + ", " + b + "] can be specified", sp);
        }
    }
}
