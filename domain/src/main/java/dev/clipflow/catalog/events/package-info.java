/**
 * The video lifecycle events the catalog publishes (docs/events.md): one record per event, each with its
 * EventBridge {@code detail-type} and its {@code detail} at
 * {@link dev.clipflow.catalog.events.VideoEvent#SCHEMA_VERSION}.
 * The JSON Schema of every detail is in {@code docs/events/}. Whoever changes a video publishes its event, after the
 * conditional write succeeded; nothing of ours depends on a consumer. No component is null unless its Javadoc says so.
 */
package dev.clipflow.catalog.events;
