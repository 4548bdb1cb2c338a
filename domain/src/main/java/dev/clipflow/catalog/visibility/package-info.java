/**
 * Changing a PUBLISHED video's visibility (docs/adr/0014): the {@code VideoVisibilityChange} workflow's steps
 * ({@code VisibilityChangeWorkflow}), each recorded on the video's pending change when done, and how the owner's
 * {@code PATCH} starts it, or restarts it when it ended unfinished ({@code VisibilityChangeExecutions}, on the
 * {@code WorkflowRestarts} the deletion uses too). Nulls are rejected unless a parameter says otherwise.
 */
package dev.clipflow.catalog.visibility;
