/**
 * Un-listing a video from the social and discovery contexts (docs/adr/0014): used by the deletion workflow, and by a
 * visibility change away from public. Nulls are rejected unless a parameter says otherwise.
 */
package dev.clipflow.unlisting;
