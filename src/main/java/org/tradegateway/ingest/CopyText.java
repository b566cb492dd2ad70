package org.tradegateway.ingest;

/** Formats values for COPY's text format, checking that each fits its column. */
final class CopyText {
    private CopyText() {
    }

    /** A fact row as a COPY line (without the line end) in the column order of {@link StageWriter#RECORD_COLUMNS}. */
    static void record(StringBuilder line, int datasetId, FactRow r) {
        line.append(datasetId).append('\t').append(r.period).append('\t').append(r.type).append('\t')
                .append(r.freq).append('\t');
        code(line, r.px, "classification", 4);
        line.append('\t').append(r.reporter).append('\t').append(r.flow).append('\t').append(r.partner).append('\t');
        line.append(r.partner2 == null ? "\\N" : r.partner2.toString()).append('\t');
        code(line, r.customs, "customs code", 8);
        line.append('\t');
        code(line, r.mot, "mode of transport", 8);
        line.append('\t');
        code(line, r.commodity, "commodity code", 12);
        line.append('\t').append(r.aggrLevel).append('\t').append(r.leaf ? 't' : 'f').append('\t')
                .append(r.qtCode).append('\t').append(r.qtAltCode == null ? "\\N" : r.qtAltCode.toString());
        for (Double d : new Double[] {r.tradeQuantity, r.altQuantity, r.netWeight, r.grossWeight}) {
            line.append('\t');
            number(line, d);
        }
        line.append('\t');
        number(line, r.tradeValue);
        line.append('\t');
        number(line, r.cifValue);
        line.append('\t');
        number(line, r.fobValue);
        line.append('\t').append(r.estCode);
    }

    static void code(StringBuilder line, String value, String what, int maxLength) {
        checkCode(value, what, maxLength);
        line.append(value);
    }

    /** A code fit to store: present, not longer than {@code maxLength}, no control character or backslash. */
    static void checkCode(String value, String what, int maxLength) {
        if (value == null) {
            throw new MalformedInputException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new MalformedInputException(what + " '" + MalformedInputException.quote(value) + "' is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == '\\' || c == 127) {
                throw new MalformedInputException(what + " contains a control character or backslash");
            }
        }
    }

    static void checkFinite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new MalformedInputException("a measure is not a finite number");
        }
    }

    static void number(StringBuilder line, Double d) {
        if (d == null) {
            line.append("\\N");
        } else {
            number(line, d.doubleValue());
        }
    }

    static void number(StringBuilder line, double d) {
        checkFinite(d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            line.append((long) d);
        } else {
            line.append(d);
        }
    }
}
