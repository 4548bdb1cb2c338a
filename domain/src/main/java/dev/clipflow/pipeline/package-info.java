/**
 * The contracts between the pipeline's functions: the records that travel through the state
 * machine as JSON. Every record carried between functions is readable at the current and the
 * previous {@code schemaVersion}. Nulls are allowed only where a component's Javadoc says so.
 */
package dev.clipflow.pipeline;
