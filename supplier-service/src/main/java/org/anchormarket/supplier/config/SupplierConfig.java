package org.anchormarket.supplier.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "supplier")
public interface SupplierConfig {

    /** Invitations to join an organisation. */
    Invitations invitations();

    /** The supplier directory. */
    Directory directory();

    interface Directory {
        /**
         * How long a page of the directory is served again without asking the database (0 turns it off). Any change
         * of a supplier made here clears every page at once; another instance's change shows within this time.
         */
        @io.smallrye.config.WithDefault("2s")
        java.time.Duration cacheFor();

        /**
         * How long a request waits for another's loading of the page it wants before loading it itself (a query
         * that hangs, on a half-open connection say, then holds up only its own request).
         */
        @io.smallrye.config.WithDefault("5s")
        java.time.Duration loadWait();
    }

    interface Invitations {
        /** How long an invitation's code can be used. */
        @io.smallrye.config.WithDefault("P14D")
        java.time.Duration validFor();

        /** Where the email sends the invited person to sign in and accept (the gateway's web UI). */
        @io.smallrye.config.WithDefault("http://127.0.0.1:8080/app/organisation")
        String acceptUrl();

        /** How many invitations one member may send in 24 hours (admins are not limited). */
        @io.smallrye.config.WithDefault("20")
        int perMemberPerDay();

        /**
         * Whether the accepting user's email must be verified by the identity provider. On only where the realm
         * verifies addresses (it needs a mail server); the local platform, without one, turns it off.
         */
        @io.smallrye.config.WithDefault("true")
        boolean requireVerifiedEmail();
    }

    /** Reference data the operator provides in its official formats; without them the shipped seeds are used. */
    ReferenceData referenceData();

    interface ReferenceData {
        /** The full CPV 2008 list as published (CSV with columns code, code8, ..., parent_code). */
        Optional<Path> cpvFile();

        /**
         * The ONS Postcode Directory CSV as published (ONSPD_..._UK.csv, either header style). Gives exact local
         * authority and ward for North West postcodes; classifications are worked out again when it changes.
         */
        Optional<Path> onspdFile();

        /** The ONS ward-to-local-authority lookup CSV ({@code wdNNcd, wdNNnm, ...}): ward names for ONSPD codes. */
        Optional<Path> wardNamesFile();
    }
}
