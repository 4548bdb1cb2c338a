package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import dev.clipflow.local.asl.template.PayloadTemplate;

/**
 * Input and output processing of a state, applied in AWS's order: InputPath, Parameters, (state work),
 * ResultSelector, ResultPath, OutputPath.
 *
 * @param inputPath {@code null} when the definition says {@code "InputPath": null} (input becomes {@code {}})
 * @param parameters {@code null} when absent
 * @param resultSelector {@code null} when absent
 * @param resultPath {@code null} when {@code "ResultPath": null} (the result is discarded)
 * @param outputPath {@code null} when {@code "OutputPath": null} (output becomes {@code {}})
 */
public record IoSpec(QueryPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                     ReferencePath resultPath, QueryPath outputPath) {

    /** Spec default for InputPath, OutputPath and ResultPath. */
    public static final String ROOT = "$";

    /** No processing: every field at its default. */
    public static final IoSpec DEFAULT = new IoSpec(QueryPath.parse(ROOT), null, null, ReferencePath.parse(ROOT),
            QueryPath.parse(ROOT));
}
