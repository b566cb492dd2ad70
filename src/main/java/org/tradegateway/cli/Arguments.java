package org.tradegateway.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Positional words and {@code --name value} options of a command line. */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    Arguments(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
    }

    /** How many positional arguments were given. */
    int positionalCount() {
        return positional.size();
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return positional.get(index);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
