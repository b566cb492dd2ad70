package org.tradegateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tradegateway.core.Period;
import org.tradegateway.data.ReleaseRepository.Release;

/**
 * What the gateway holds, one entry per loaded dataset (source and name), summed up from the releases of its
 * reporter-periods: the first release's provenance (version, licence), and the revisions, years, frequencies
 * and reporters it brought. What {@code /llms.txt} and the web interface's catalog say.
 */
public final class Holdings {
    private Holdings() {
    }

    /** One loaded dataset. */
    public static final class Dataset {
        private final Release first;
        private final TreeSet<String> revisions = new TreeSet<>();
        private final TreeSet<Integer> years = new TreeSet<>();
        private final TreeSet<Character> frequencies = new TreeSet<>();
        private final TreeSet<Integer> reporters = new TreeSet<>();
        private long records;

        Dataset(Release first) {
            this.first = first;
        }

        public Release first() {
            return first;
        }

        public TreeSet<String> revisions() {
            return revisions;
        }

        public TreeSet<Integer> years() {
            return years;
        }

        public TreeSet<Character> frequencies() {
            return frequencies;
        }

        public TreeSet<Integer> reporters() {
            return reporters;
        }

        public long records() {
            return records;
        }

        /** "annual", "monthly" or "annual and monthly". */
        public String frequencyWords() {
            return frequencies.contains('M') ? (frequencies.size() > 1 ? "annual and monthly" : "monthly") : "annual";
        }

        /** "2021-2025", "2025" or "no years". */
        public String yearRange() {
            return years.isEmpty() ? "no years" : years.first().equals(years.last()) ? years.first().toString()
                    : years.first() + "-" + years.last();
        }
    }

    /** The datasets of these releases, ordered by source and name. */
    public static List<Dataset> of(List<Release> releases) {
        Map<String, Dataset> held = new TreeMap<>();
        for (Release r : releases) {
            Dataset d = held.computeIfAbsent(r.source() + "\t" + r.datasetName(), k -> new Dataset(r));
            d.revisions.add(r.px());
            d.years.add(Period.year(r.period()));
            d.frequencies.add(r.freq());
            d.reporters.add(r.reporter());
            d.records += r.records();
        }
        return new ArrayList<>(held.values());
    }
}
