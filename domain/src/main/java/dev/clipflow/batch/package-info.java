/**
 * Batched writes with retries: a store writes at most a fixed number of items per call
 * ({@link dev.clipflow.batch.BatchSink}), may leave some unprocessed or be throttled, and
 * {@link dev.clipflow.batch.BatchWriter} retries the rest with a capped exponential
 * {@link dev.clipflow.batch.Backoff} and jitter. No nulls unless a component says so.
 */
package dev.clipflow.batch;
