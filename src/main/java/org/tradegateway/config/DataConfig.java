package org.tradegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Database and demo-data settings of the gateway (the connection itself is resolved before startup). */
@ConfigMapping(prefix = "trade")
public interface DataConfig {

    Db db();

    Demo demo();

    /** What is answered of the stored data. */
    Data data();

    /** What is answered of the stored data. */
    interface Data {
        /**
         * Records converted to other classifications (earlier HS revisions, SITC, BEC) by {@code convert}:
         * {@code answer}, or {@code hide} (stored, neither answered nor listed).
         */
        @WithDefault("answer")
        String converted();

        /**
         * Classifications every {@code import} converts its dataset to right after loading it, unless the command
         * says {@code --convert-to} itself ({@code H0,S4,BEC} ...), or {@code none}. Read by the command line.
         */
        @WithDefault("none")
        @WithName("convert-to")
        String convertTo();
    }

    /** The database. url, user and password are read by the launcher, which also sets mode and description. */
    interface Db {
        /** External server as postgresql://host:port/database; unset means the embedded PostgreSQL. */
        Optional<String> url();

        /** User for the external server. */
        Optional<String> user();

        /** Password for the external server (never logged). */
        Optional<String> password();

        /** Data directory of the embedded PostgreSQL. */
        @WithName("embedded-data-dir")
        @WithDefault("./data/postgres")
        String embeddedDataDir();

        /** Port of the embedded PostgreSQL; 0 picks a free one. */
        @WithName("embedded-port")
        @WithDefault("0")
        int embeddedPort();

        /** embedded or external; set by the launcher. */
        @WithDefault("external")
        String mode();

        /** Hot standbys that data statements are read from ({@code postgresql://} URLs); none: the primary. */
        @WithName("read-urls")
        Optional<List<String>> readUrls();

        /** How often each standby is checked (up, and how far it has replayed). */
        @WithName("read-check-every")
        @WithDefault("1s")
        Duration readCheckEvery();

        /** How the database is described in the startup log; set by the launcher. */
        @WithDefault("the configured PostgreSQL")
        String description();

        default boolean embedded() {
            return mode().equals("embedded");
        }
    }

    /** The synthetic demo dataset loaded into an empty database. */
    interface Demo {
        /** auto: seed only the embedded database when it holds no data; always; never. */
        @WithDefault("auto")
        String seed();

        /** Years of the demo dataset. */
        @WithDefault("2021-2025")
        String years();

        /**
         * Years also loaded month by month (a dataset of their own): {@code latest} (the last demo year), a range,
         * or {@code none}.
         */
        @WithDefault("latest")
        @WithName("monthly-years")
        String monthlyYears();

        /** Classifications the annual demo dataset is converted to ({@code none} for none). */
        @WithDefault("H0,S4,BEC")
        @WithName("convert-to")
        String convertTo();

        /** Directed HS6 flows per year. */
        @WithDefault("60000")
        @WithName("rows-per-year")
        long rowsPerYear();
    }
}
