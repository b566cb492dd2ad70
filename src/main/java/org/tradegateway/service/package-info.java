/**
 * Shared by every API: planning a query over what is loaded, preparing and streaming its answer in the encoding
 * a dialect chose, the answers kept in memory, the heavy-answer bulkhead, metrics.
 */
package org.tradegateway.service;
