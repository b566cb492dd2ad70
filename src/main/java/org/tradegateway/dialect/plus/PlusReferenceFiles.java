package org.tradegateway.dialect.plus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.Commodity;
import org.tradegateway.refs.CommodityList;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.ReferenceFiles;

/**
 * The Comtrade+ reference files under {@code /files/v1/app/reference/}, in upstream's shapes: every file a
 * {@code results} array; {@code Reporters.json} and {@code partnerAreas.json} with upstream's keys and key case
 * (a capital P in the partner file), keys without a value left out; the list of files ({@code
 * ListofReferences.json}) with absolute {@code fileuri}s pointing at the gateway that answers. Built once from
 * the shipped lists; each file is dated by its list's newest {@code last_modified}.
 */
final class PlusReferenceFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file: its category in the list, what it describes, its body and when its list last changed. */
    record File(String name, String category, String description, String body, Instant lastModified) {
    }

    /** The classification files: their list, and their names in it. */
    private static final Map<Classification, String> CLASSIFICATIONS = classifications();
    /** The date upstream's classification files carry (the shipped trees are their copies). */
    private static final Instant CLASSIFICATIONS_CHANGED = Instant.parse("2024-01-16T17:08:44Z");
    static final String ISO_FILE = "country_area_code_iso.json";
    /** Built after the constants above, which it uses. */
    static final PlusReferenceFiles SHIPPED = new PlusReferenceFiles();
    private final Map<String, File> files = new LinkedHashMap<>();
    private File isoFile;
    /** Classification files, built on first request (several MB together). */
    private final Map<Classification, File> trees = new ConcurrentHashMap<>();

    private PlusReferenceFiles() {
        areas("Reporters.json", "reporter", "Reporters", "plus_reporters.csv", "reporter", false);
        areas("partnerAreas.json", "partner", "Partners", "plus_partners.csv", "Partner", true);
        idText("tradeRegimes.json", "flow", "Trade flows", "plus_flows.csv");
        idText("ModeOfTransportCodes.json", "mot", "Modes of transport", "plus_modes_of_transport.csv");
        idText("CustomsCodes.json", "customs", "Customs procedure codes", "plus_customs.csv");
        idText("Frequency.json", "freq", "Frequencies", "plus_frequencies.csv");
        ArrayNode units = JSON.createArrayNode();
        ReferenceFiles.forEachRow("plus_quantity_units.csv", r -> units.addObject()
                .put("qtyCode", Integer.parseInt(r[0].trim())).put("qtyAbbr", r[1]).put("qtyDescription", r[2]));
        add("QuantityUnits.json", "qtyunit", "Quantity units", units, "2023-01-23");
        dataItems();
        categories("B4", "BEC Revision 4", "plus_B4.csv");
        categories("B5", "BEC Revision 5", "plus_B5.csv");
        services();
        codesByIso();
    }

    /**
     * {@code country_area_code_iso.json}, which comtradeapicall reads to turn ISO3 codes into area codes: every
     * reporter and partner code with its ISO3 (one ISO3 may have several codes: FRA is 250 and 251). Not in the list,
     * as upstream.
     */
    private void codesByIso() {
        TreeMap<Integer, String> iso = new TreeMap<>();
        for (String list : List.of("plus_reporters.csv", "plus_partners.csv")) {
            ReferenceFiles.forEachRow(list, r -> {
                int code = Integer.parseInt(r[0].trim());
                String iso3 = code == 0 ? PlusFields.WORLD_ISO : r[2].trim();
                if (!iso3.isEmpty()) {
                    iso.putIfAbsent(code, iso3);
                }
            });
        }
        ArrayNode results = JSON.createArrayNode();
        iso.forEach((code, iso3) -> results.addObject().put("country_area_code", code).put("iso3", iso3));
        ObjectNode body = JSON.createObjectNode();
        body.set("results", results);
        isoFile = new File(ISO_FILE, "", "Area codes by ISO3", write(body), Instant.parse("2025-06-05T00:00:00Z"));
    }

    private static Map<Classification, String> classifications() {
        Map<Classification, String> names = new LinkedHashMap<>();
        names.put(Classification.HS, "Combined HS");
        String[] hs = {"HS 1992", "HS 1996", "HS 2002", "HS 2007", "HS 2012", "HS 2017", "HS 2022"};
        Classification[] h = {Classification.H0, Classification.H1, Classification.H2, Classification.H3,
            Classification.H4, Classification.H5, Classification.H6};
        for (int i = 0; i < h.length; i++) {
            names.put(h[i], hs[i]);
        }
        names.put(Classification.S1, "SITC Revision 1");
        names.put(Classification.S2, "SITC Revision 2");
        names.put(Classification.S3, "SITC Revision 3");
        names.put(Classification.S4, "SITC Revision 4");
        return names;
    }

    /**
     * A classification file as upstream writes it: {@code isLeaf} a string, {@code aggrLevel} in HS.json and
     * {@code aggrlevel} in the others, the total's parent "#", the standard unit by its abbreviation.
     */
    private File tree(Classification px) {
        CommodityList list = ReferenceData.get().tree(px);
        ObjectNode body = JSON.createObjectNode();
        body.put("more", false).put("minimumInputLength", 2).put("classCode", px.name())
                .put("className", CLASSIFICATIONS.get(px));
        ArrayNode results = body.putArray("results");
        String level = px == Classification.HS ? "aggrLevel" : "aggrlevel";
        for (int i = 0; i < list.size(); i++) {
            Commodity c = list.get(i);
            int unit = PlusNames.unitCode(c.standardUnit());
            results.addObject().put("id", c.code()).put("text", list.label(i))
                    .put("parent", c.parent() == null || c.parent().isEmpty() ? "#" : c.parent())
                    .put("isLeaf", c.leaf() ? "1" : "0").put(level, c.aggrLevel())
                    .put("standardUnitAbbr", unit == -1 ? "n/a" : PlusNames.SHIPPED.unitAbbreviation(unit));
        }
        return new File(px.name() + ".json", "cmd:" + px.name(), CLASSIFICATIONS.get(px), write(body),
                CLASSIFICATIONS_CHANGED);
    }

    /** A BEC file, from its shipped copy: the classification wrapper, {@code isLeaf} a string, {@code aggrlevel}. */
    private void categories(String code, String title, String list) {
        ObjectNode body = JSON.createObjectNode();
        body.put("more", false).put("minimumInputLength", 2).put("classCode", code).put("className", title);
        ArrayNode results = body.putArray("results");
        List<String> dates = new ArrayList<>();
        ReferenceFiles.forEachRow(list, r -> {
            results.addObject().put("id", r[0]).put("text", r[1]).put("parent", r[2]).put("isLeaf", r[3])
                    .put("aggrlevel", Integer.parseInt(r[4].trim()));
            dates.add(r[5]);
        });
        String date = dates.stream().max(String::compareTo).orElse("2024-11-20");
        files.put((code + ".json").toLowerCase(Locale.ROOT), new File(code + ".json", "cmd:" + code, title,
                write(body), LocalDate.parse(date.trim()).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    /** {@code EB02.json}: the EBOPS 2002 tree the gateway ships, with only {@code id}, {@code text}, {@code parent}. */
    private void services() {
        CommodityList list = ReferenceData.get().tree(Classification.EB02);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (int i = 0; i < list.size(); i++) {
            Commodity c = list.get(i);
            results.addObject().put("id", c.code()).put("text", list.label(i))
                    .put("parent", c.parent() == null || c.parent().isEmpty() ? "#" : c.parent());
        }
        files.put("eb02.json", new File("EB02.json", "cmd:EB02", "EBOPS 2002", write(body), CLASSIFICATIONS_CHANGED));
    }

    private void areas(String name, String category, String description, String list, String prefix,
                       boolean world) {
        ArrayNode results = JSON.createArrayNode();
        List<String> dates = new ArrayList<>();
        ReferenceFiles.forEachRow(list, r -> {
            int code = Integer.parseInt(r[0].trim());
            ObjectNode area = results.addObject();
            area.put("id", code).put("text", r[1]);
            area.put(prefix + "Code", code).put(prefix + "Desc", r[1]);
            put(area, (prefix.equals("Partner") ? "partner" : prefix) + "Note", r[4]);
            put(area, prefix + "CodeIsoAlpha2", r[3]);
            put(area, prefix + "CodeIsoAlpha3", world && code == 0 ? PlusFields.WORLD_ISO : r[2]);
            if (!r[5].isBlank()) {
                area.put("entryEffectiveDate", r[5].trim() + "-01-01T00:00:00");
            }
            if (!r[6].isBlank()) {
                area.put("entryExpiredDate", r[6].trim() + "-12-31T00:00:00");
            }
            area.put("isGroup", r[7].trim().equalsIgnoreCase("true"));
            dates.add(r[8]);
        });
        add(name, category, description, results, dates.stream().max(String::compareTo).orElse("2025-06-05"));
    }

    /**
     * {@code TradeDataItems.json}: every field of the data and bulk files with its description and where it
     * appears ("True"/"False" strings, as upstream), dated by the list's newest change.
     */
    private void dataItems() {
        ArrayNode results = JSON.createArrayNode();
        List<String> dates = new ArrayList<>();
        ReferenceFiles.forEachRow("plus_data_items.csv", r -> {
            results.addObject().put("dataItem", r[0]).put("description", r[1]).put("isInDataAPICommodity", r[2])
                    .put("isInDataAPIServices", r[3]).put("isInBulkFileFinal", r[4])
                    .put("isInBulkFileTariffline", r[5]);
            dates.add(r[6]);
        });
        ObjectNode body = JSON.createObjectNode().put("more", false);
        body.set("results", results);
        add("TradeDataItems.json", "dataitem", "Data items", body, dates.stream().max(String::compareTo)
                .orElse("2023-01-23"));
    }

    private void idText(String name, String category, String description, String list) {
        ArrayNode results = JSON.createArrayNode();
        List<String> dates = new ArrayList<>();
        ReferenceFiles.forEachRow(list, r -> {
            results.addObject().put("id", r[0]).put("text", r[1]);
            if (r.length > 2) {
                dates.add(r[2]);
            }
        });
        add(name, category, description, results, dates.stream().max(String::compareTo).orElse("2023-01-23"));
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }

    private void add(String name, String category, String description, ArrayNode results, String date) {
        ObjectNode body = JSON.createObjectNode();
        body.set("results", results);
        add(name, category, description, body, date);
    }

    private void add(String name, String category, String description, ObjectNode body, String date) {
        Instant changed = LocalDate.parse(date.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        files.put(name.toLowerCase(Locale.ROOT), new File(name, category, description, write(body), changed));
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file by its name (any case), other than the list. */
    Optional<File> file(String name) {
        File f = files.get(name.toLowerCase(Locale.ROOT));
        if (f != null) {
            return Optional.of(f);
        }
        if (name.equalsIgnoreCase(ISO_FILE)) {
            return Optional.of(isoFile);
        }
        for (Classification px : CLASSIFICATIONS.keySet()) {
            if (name.equalsIgnoreCase(px.name() + ".json")) {
                return Optional.of(trees.computeIfAbsent(px, this::tree));
            }
        }
        return Optional.empty();
    }

    /** When any file last changed: the date of the list. */
    Instant listChanged() {
        Instant lists = files.values().stream().map(File::lastModified).max(Instant::compareTo).orElseThrow();
        return lists.isAfter(CLASSIFICATIONS_CHANGED) ? lists : CLASSIFICATIONS_CHANGED;
    }

    /** {@code ListofReferences.json}: every file served, at this base URL (ending in "/"). */
    String list(String base) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (File f : files.values()) {
            results.addObject().put("category", f.category()).put("variable", f.category())
                    .put("description", f.description()).put("fileuri", base + "files/v1/app/reference/" + f.name());
        }
        CLASSIFICATIONS.forEach((px, title) -> results.addObject().put("category", "cmd:" + px.name())
                .put("variable", "cmd:" + px.name()).put("description", title)
                .put("fileuri", base + "files/v1/app/reference/" + px.name() + ".json"));
        return write(body);
    }
}
