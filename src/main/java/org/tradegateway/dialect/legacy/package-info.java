/**
 * The legacy UN Comtrade API: {@code /api/get} (and {@code /api/get/plus}), {@code /Data/cache/*},
 * {@code /api/refs/da/*}, {@code /api/get/bulk/*} and {@code /api/getUserInfo}, each as its published clients
 * expect: its parameter names and defaults, the validation block and its status codes 5002..5005, the 35-field
 * record in JSON and CSV, the 409 texts of its limits, its bulk file names.
 */
package org.tradegateway.dialect.legacy;
