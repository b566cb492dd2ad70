package org.tradegateway.dialect.census;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tradegateway.core.Period;
import org.tradegateway.data.ReleaseRepository.Release;
import org.tradegateway.dialect.census.CensusVariables.Dataset;
import org.tradegateway.dialect.census.CensusVariables.Variable;
import org.tradegateway.output.Json;
import org.tradegateway.output.Utf8Builder;

/**
 * The discovery files of a dataset, listing only what the gateway serves: {@code variables.json} (and one
 * {@code variables/NAME.json} per variable, with its {@code predicateType}), {@code examples.json}, and the
 * dataset's own {@code .json} catalog entry, which names the sources of the loaded data.
 */
final class CensusDocuments {
    private CensusDocuments() {
    }

    static String variables(Dataset dataset) {
        Utf8Builder sb = new Utf8Builder(4096).append("{\"variables\":{");
        boolean first = true;
        for (Variable v : dataset.variables.values()) {
            if (!first) {
                sb.append(",\n");
            }
            first = false;
            Json.string(sb, v.name());
            sb.append(':');
            variable(sb, v);
        }
        return sb.append("}}").toString();
    }

    static String variable(Variable v) {
        Utf8Builder sb = new Utf8Builder(256);
        variable(sb, v);
        return sb.toString();
    }

    private static void variable(Utf8Builder sb, Variable v) {
        sb.append("{\"name\":");
        Json.string(sb, v.name());
        sb.append(",\"label\":");
        Json.string(sb, v.label());
        sb.append(",\"concept\":");
        Json.string(sb, v.kind() == CensusVariables.Kind.TIME ? "Selectable Variables" : "Trade Variables");
        sb.append(",\"predicateType\":");
        Json.string(sb, v.predicateType());
        sb.append(",\"group\":\"N/A\",\"limit\":0");
        if (v.kind() == CensusVariables.Kind.TIME) {
            sb.append(",\"datetime\":{\"month\":true}");
        }
        sb.append('}');
    }

    /** Example calls on this gateway, each an absolute URL. */
    static String examples(Dataset dataset, String base) {
        String url = base + CensusDialect.PREFIX + dataset.path + "/hs";
        String value = dataset == Dataset.EXPORTS ? "ALL_VAL_MO" : "GEN_VAL_MO";
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("Every partner (countries, groupings and the total) in one month",
                url + "?get=CTY_CODE,CTY_NAME," + value + "&time=2025-10");
        examples.put("One country, HS2 chapters, a year of months",
                url + "?get=CTY_NAME," + dataset.commodity + "," + dataset.commodity + "_SDESC," + value
                        + "&CTY_CODE=5700&COMM_LVL=HS2&time=from+2025-01+to+2025-12");
        examples.put("A wildcard on the commodity code, with the value to date",
                url + "?get=CTY_CODE,CTY_NAME," + value + "," + value.replace("_MO", "_YR") + "&"
                        + dataset.commodity + "=0805*&COMM_LVL=HS4&YEAR=2025&MONTH=10");
        Utf8Builder sb = new Utf8Builder(1024).append("{\"examples\":[");
        boolean first = true;
        for (Map.Entry<String, String> e : examples.entrySet()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"description\":");
            Json.string(sb, e.getKey());
            sb.append(",\"url\":");
            Json.string(sb, e.getValue());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /**
     * The dataset's catalog entry: title, the months loaded for the reporter, links, and the sources of the data
     * (these are the operator's loaded datasets, not figures of the U.S. Census Bureau).
     */
    static String dataset(Dataset dataset, String base, String reporterName, List<Release> releases) {
        String path = CensusDialect.PREFIX + dataset.path + "/hs";
        TreeSet<Integer> months = new TreeSet<>();
        Map<String, Release> sources = new LinkedHashMap<>();
        for (Release r : releases) {
            months.add(r.period());
            sources.putIfAbsent(r.source() + "\t" + r.datasetName(), r);
        }
        Utf8Builder sb = new Utf8Builder(2048);
        sb.append("{\"@context\":\"https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld\",\"@id\":");
        Json.string(sb, base + path + ".json");
        sb.append(",\"@type\":\"dcat:Catalog\",\"dataset\":[{\"@type\":\"dcat:Dataset\",\"title\":");
        Json.string(sb, "Time Series International Trade: Monthly " + reporterName + " " + dataset.title
                + " by Harmonized System (HS) Code");
        sb.append(",\"c_dataset\":[\"timeseries\",\"intltrade\",");
        Json.string(sb, dataset.path);
        sb.append(",\"hs\"],\"c_isTimeseries\":true,\"c_isAvailable\":true,\"c_isAggregate\":true");
        sb.append(",\"c_variablesLink\":");
        Json.string(sb, base + path + "/variables.json");
        sb.append(",\"c_examplesLink\":");
        Json.string(sb, base + path + "/examples.json");
        sb.append(",\"distribution\":[{\"@type\":\"dcat:Distribution\",\"accessURL\":");
        Json.string(sb, base + path);
        sb.append(",\"format\":\"API\",\"mediaType\":\"application/json\",\"title\":\"API endpoint\"}]");
        sb.append(",\"description\":");
        Json.string(sb, "Monthly " + dataset.title.toLowerCase(java.util.Locale.ROOT) + " of " + reporterName
                + " by partner and HS code, in the layout of the U.S. Census Bureau's International Trade API,"
                + " served from the data this gateway's operator loaded (see x_sources). These are not figures of"
                + " the U.S. Census Bureau; cite the sources named there.");
        sb.append(",\"temporal\":");
        if (months.isEmpty()) {
            sb.append("null");
        } else {
            Json.string(sb, month(months.first()) + "/" + month(months.last()));
        }
        sb.append(",\"x_sources\":[");
        boolean first = true;
        for (Release r : sources.values()) {
            sb.append(first ? "" : ",");
            first = false;
            sb.append("{\"source\":");
            Json.string(sb, r.source());
            sb.append(",\"dataset\":");
            Json.string(sb, r.datasetName());
            sb.append(",\"version\":");
            Json.string(sb, r.sourceVersion());
            sb.append(",\"licence\":");
            Json.string(sb, r.licence());
            sb.append('}');
        }
        return sb.append("]}]}").toString();
    }

    private static String month(int period) {
        int m = Period.month(period);
        return Period.year(period) + "-" + (m < 10 ? "0" : "") + m;
    }
}
