/**
 * A creator's edits of a published or unpublished video (docs/adr/0014): title, description and tags, validated as
 * at upload, one conditional write that counts the record's {@code revision}, and the {@code Video Edited} event
 * discovery re-indexes from; and the visibility, set at once before the upload completes or asked of the visibility
 * change workflow once the video is published. No component is null unless its Javadoc says so.
 */
package dev.clipflow.catalog.edit;
