/**
 * The HTTP edge of the HTTP API functions: API Gateway HTTP API (payload 2.0) events behind a JWT
 * authorizer in, JSON answers out. {@link dev.clipflow.http.ApiEdge} runs one request:
 * {@link dev.clipflow.http.ApiCall} parses it, the function's routes answer it, and
 * {@link dev.clipflow.http.ApiErrors} turns every failure into the one error shape
 * {@code {"error": "<CODE>", "message": "<sentence>"}}: the rejections common to every API here,
 * the API's own domain exceptions through its mapping, anything else a 500 that leaks nothing.
 * Values are never null unless a method says so.
 */
package dev.clipflow.http;
