/**
 * Shared by every API: the query model and its values, no I/O and no words of any one API. A dialect turns its
 * parameters into a {@link org.tradegateway.core.TradeQuery}; the shared parts answer it with
 * {@link org.tradegateway.core.FactRecord}s or a {@link org.tradegateway.core.QueryFailure}.
 */
package org.tradegateway.core;
