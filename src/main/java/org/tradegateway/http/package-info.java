/**
 * Shared by every API: the HTTP edge. Writing answers to the socket (complete ones with their length, large ones
 * as the client takes them), the access log, CORS scope, the failure handler and the exception mapper.
 */
package org.tradegateway.http;
