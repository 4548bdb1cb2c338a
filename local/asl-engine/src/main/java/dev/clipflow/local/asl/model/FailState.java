package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.template.PayloadTemplate;

/**
 * {@code "Type": "Fail"}. Error/ErrorPath and Cause/CausePath are mutually exclusive; the path forms are compiled
 * as one-field templates (a path or an intrinsic call).
 */
public record FailState(String name, String error, PayloadTemplate errorPath, String cause, PayloadTemplate causePath)
        implements State {
}
