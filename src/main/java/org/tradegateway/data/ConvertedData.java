package org.tradegateway.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.tradegateway.config.DataConfig;

/**
 * Whether records converted from another classification ({@code convert}) are answered: {@code answer} (the
 * default) or {@code hide} ({@code TRADE_DATA_CONVERTED}). Hidden, they are neither planned into answers nor
 * listed as available or released; they stay stored.
 */
@ApplicationScoped
public class ConvertedData {
    private final boolean answered;

    public ConvertedData(DataConfig config) {
        String setting = config.data().converted();
        this.answered = switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "answer" -> true;
            case "hide" -> false;
            default -> throw new IllegalArgumentException("trade.data.converted (TRADE_DATA_CONVERTED) is answer or"
                    + " hide, not '" + setting + "'");
        };
    }

    public boolean answered() {
        return answered;
    }
}
