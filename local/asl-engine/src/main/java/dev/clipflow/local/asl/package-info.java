/**
 * Local engine for the Amazon States Language (JSONPath mode of https://states-language.net/spec.html, plus the
 * behaviour the AWS Step Functions developer guide documents where the spec is silent).
 *
 * <p>Layout: {@code parse} turns JSON into the {@code model} (sealed {@code State}, one record per state type) and
 * reports every problem with its JSON pointer; {@code eval} runs a model; {@code path}, {@code template} and
 * {@code intrinsic} are the data-flow languages; {@code task} is the port through which Task states reach functions
 * and service integrations; {@code mock} reads AWS Step Functions Local mock configuration files.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented; JSON values are Jackson 2
 * {@link com.fasterxml.jackson.databind.JsonNode}s treated as immutable (the engine copies, never mutates).
 */
package dev.clipflow.local.asl;
