package org.anchormarket.tender.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * An OCDS 1.1 release as this service writes it: the standard's field names (and the lots extension's; {@code x_}
 * fields are ours), components left null are left out. One release is a snapshot of a tender at a public change.
 */
public record OcdsRelease(String ocid, String id, String date, List<String> tag, String initiationType,
        String language, List<Party> parties, OrganizationReference buyer, TenderPart tender, List<Award> awards,
        List<ContractPart> contracts) {

    public record OrganizationReference(String id, String name) {
    }

    public record Party(String id, String name, List<String> roles, PartyDetails details) {
    }

    /** Ours ({@code x_}): the organisation's scale (sme, large), VCSE, locality; an authority's type. */
    public record PartyDetails(String x_scale, Boolean x_vcse, String x_locality, String x_authorityType) {
    }

    public record Value(BigDecimal amount, String currency) {

        static Value gbp(BigDecimal amount) {
            return new Value(amount, "GBP");
        }
    }

    public record Period(String startDate, String endDate) {
    }

    public record Classification(String scheme, String id) {
    }

    public record Item(String id, String description, Classification classification, String relatedLot) {
    }

    /** A lot, with the UK's suitability flags: a competition for (or suited to) SMEs, VCSEs. */
    public record Lot(String id, String title, Value value, String status, Suitability suitability) {
    }

    /** Why and when a published tender changed. */
    public record Amendment(String id, String date, String rationale) {
    }

    /** The UK's suitability flags: a competition for (or suited to) SMEs, VCSEs. */
    public record Suitability(boolean sme, boolean vcse) {
    }

    /** Our reservation: its code, in words, and the law that allows it. */
    public record Reservation(String code, String description, String legalBasis) {
    }

    public record TenderPart(String id, String title, String description, String status,
            String x_cancellationReason,
            List<Item> items, Value value, String procurementMethod, String procurementMethodDetails,
            String mainProcurementCategory, String awardCriteria, String awardCriteriaDetails,
            List<String> submissionMethod, Period tenderPeriod, Period enquiryPeriod, boolean hasEnquiries,
            Long numberOfTenderers, List<Lot> lots, List<Document> documents, List<Amendment> amendments,
            Suitability suitability, Reservation x_reservation) {
    }

    /** A tender's document, with where to download it. */
    public record Document(String id, String documentType, String title, String url, String format,
            String datePublished) {
    }

    public record Award(String id, String title, String status, String date, Value value,
            List<OrganizationReference> suppliers, List<String> relatedLots) {
    }

    public record ContractPart(String id, String awardID, String title, String status, Period period, Value value) {
    }
}
