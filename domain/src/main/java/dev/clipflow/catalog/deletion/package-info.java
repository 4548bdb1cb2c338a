/**
 * Deleting a video everywhere (docs/adr/0014): the owner's request ({@code DeletionRequests}) and the workflow's
 * steps ({@code DeletionWorkflow}), each recorded when done so a failed workflow resumes. Nulls are rejected unless a
 * parameter says otherwise.
 */
package dev.clipflow.catalog.deletion;
