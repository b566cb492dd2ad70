/**
 * Shared by every API: the encoder interface ({@link org.tradegateway.output.RowEncoder}) and the byte-level
 * primitives every dialect's encoders write with. No queries.
 */
package org.tradegateway.output;
