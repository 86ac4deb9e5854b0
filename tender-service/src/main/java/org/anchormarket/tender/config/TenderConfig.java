package org.anchormarket.tender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** tender-service's settings ({@code tender.*}; each one also TENDER_... in the environment). */
@ConfigMapping(prefix = "tender")
public interface TenderConfig {

    /**
     * The Procurement Act 2023 thresholds from 1 January 2026, VAT included: below them a competition may be
     * reserved (to local suppliers, SMEs or VCFSE organisations).
     */
    Thresholds thresholds();

    /** The VAT rate that turns a net estimated value into the VAT-inclusive value the thresholds are set in. */
    @WithDefault("0.20")
    BigDecimal vatRate();

    /** A submission deadline sooner than this after publication is flagged (the page warns). */
    @WithDefault("P10D")
    Duration shortDeadline();

    /** How often published tenders past their deadline are closed and announced (TenderClosed). */
    @WithDefault("5s")
    String closeInterval();

    Bids bids();

    /**
     * The platform's public address (the gateway's): open data packages' {@code uri}s, documents' {@code url}s and
     * emails' links, kept in releases for good. Required outside dev and test ({@code TENDER_PUBLIC_URL}).
     */
    String publicUrl();

    Ocds ocds();

    Alerts alerts();

    Documents documents();

    /** Tenders' documents and bids' files. */
    interface Documents {
        /** The largest file taken (the gateway takes bodies of 10 MB). */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxSize();
    }

    /** Email alerts of notifications (Quarkus Mailer: quarkus.mailer.* says which server). */
    interface Alerts {
        /** The sender the emails show. */
        @WithDefault("Anchor Market <no-reply@anchormarket.invalid>")
        String from();
    }

    /** The open data (OCDS 1.1) the service publishes. */
    interface Ocds {
        /**
         * The publisher's OCID prefix, registered with the Open Contracting Partnership ("ocds-" and six characters);
         * the default is a placeholder until the borough registers one.
         */
        @WithDefault("ocds-anchr0")
        String ocidPrefix();

        /** How old a release is before the feed lists it (so that one still committing is never skipped). */
        @WithDefault("10s")
        java.time.Duration feedLag();

        /** Who publishes the data, as the packages name it. */
        @WithDefault("Anchor Market, Wigan borough's anchor institutions")
        String publisher();
    }

    interface Thresholds {
        /** Goods and services, sub-central authorities (councils, police, fire, colleges; also OTHER). */
        @WithDefault("207720")
        BigDecimal subCentral();

        /** Goods and services, central government and NHS bodies. */
        @WithDefault("135018")
        BigDecimal central();

        /** Goods and services, utilities. */
        @WithDefault("415440")
        BigDecimal utility();

        /** Works, every kind of authority. */
        @WithDefault("5193000")
        BigDecimal works();
    }

    interface Bids {
        /** The AES-256 key (base64 of 32 bytes) new bids are sealed with. Required: no default outside dev and test. */
        String key();

        /** The name stored with each bid sealed with {@link #key()}, so the key can be rotated. */
        @WithDefault("k1")
        String keyId();

        /** Earlier keys by name (base64), still able to open the bids sealed with them. */
        Map<String, String> retiredKeys();
    }
}
