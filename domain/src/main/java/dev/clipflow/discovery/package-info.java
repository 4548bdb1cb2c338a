/**
 * The discovery context: related videos, co-views and recommendations. On publish a video's terms
 * (tags, title and description words) go into an inverted index; candidates come from the index's
 * postings only (a bounded set, never a scan) and are scored with TF-IDF-weighted cosine; the top
 * K become the video's related list, and the video enters its neighbours' lists when it beats
 * their weakest entry. Watches update item-to-item co-view counts from the viewer's recent window.
 * Reads blend the two signals ({@link dev.clipflow.discovery.RelatedBlend}). No nulls unless a
 * component says so.
 */
package dev.clipflow.discovery;
