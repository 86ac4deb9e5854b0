package org.anchormarket.gateway.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;
import org.anchormarket.contracts.supplier.model.ImportRowResult;
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.VerificationStatus;

/**
 * People's words for the APIs' codes, in every template as {@code value.label}: "Wigan borough", not IN_BOROUGH. A
 * code without words here shows as itself (a newer service's value still shows), and a test checks every value of
 * the enums below has its words.
 */
@TemplateExtension
public final class Labels {

    static final Map<Locality, String> LOCALITIES = Map.of(
            Locality.IN_BOROUGH, "Wigan borough",
            Locality.GREATER_MANCHESTER, "Greater Manchester",
            Locality.NORTH_WEST, "North West",
            Locality.REST_OF_UK, "Rest of the UK",
            Locality.OUTSIDE_UK, "Outside the UK");

    static final Map<SizeBand, String> SIZE_BANDS = Map.of(
            SizeBand.MICRO, "Micro",
            SizeBand.SMALL, "Small",
            SizeBand.MEDIUM, "Medium",
            SizeBand.LARGE, "Large");

    static final Map<VerificationStatus, String> STATUSES = Map.of(
            VerificationStatus.PENDING, "Awaiting verification",
            VerificationStatus.VERIFIED, "Verified",
            VerificationStatus.REJECTED, "Rejected");

    static final Map<OrganisationType, String> ORGANISATION_TYPES = Map.ofEntries(
            Map.entry(OrganisationType.LIMITED_COMPANY, "Private limited company"),
            Map.entry(OrganisationType.PLC, "Public limited company"),
            Map.entry(OrganisationType.LLP, "Limited liability partnership"),
            Map.entry(OrganisationType.PARTNERSHIP, "Partnership"),
            Map.entry(OrganisationType.SOLE_TRADER, "Sole trader"),
            Map.entry(OrganisationType.CIO, "Charitable incorporated organisation (CIO)"),
            Map.entry(OrganisationType.CHARITABLE_COMPANY, "Charitable company"),
            Map.entry(OrganisationType.UNINCORPORATED_CHARITY, "Unincorporated charity"),
            Map.entry(OrganisationType.CIC, "Community interest company (CIC)"),
            Map.entry(OrganisationType.COMMUNITY_BENEFIT_SOCIETY, "Community benefit society"),
            Map.entry(OrganisationType.COOPERATIVE, "Co-operative"),
            Map.entry(OrganisationType.PUBLIC_BODY, "Public body"),
            Map.entry(OrganisationType.OTHER, "Other"));

    static final Map<Invitation.StatusEnum, String> INVITATIONS = Map.of(
            Invitation.StatusEnum.PENDING, "Waiting for them to join",
            Invitation.StatusEnum.ACCEPTED, "Joined",
            Invitation.StatusEnum.EXPIRED, "Expired");

    static final Map<org.anchormarket.contracts.tender.model.ContractType, String> CONTRACT_TYPES = Map.of(
            org.anchormarket.contracts.tender.model.ContractType.GOODS, "Goods",
            org.anchormarket.contracts.tender.model.ContractType.SERVICES, "Services",
            org.anchormarket.contracts.tender.model.ContractType.WORKS, "Works");

    static final Map<org.anchormarket.contracts.tender.model.Procedure, String> PROCEDURES = Map.of(
            org.anchormarket.contracts.tender.model.Procedure.OPEN, "Open competition",
            org.anchormarket.contracts.tender.model.Procedure.REQUEST_FOR_QUOTATION, "Request for quotation");

    static final Map<org.anchormarket.contracts.tender.model.Reservation, String> RESERVATIONS = Map.of(
            org.anchormarket.contracts.tender.model.Reservation.NONE, "Open to all suppliers",
            org.anchormarket.contracts.tender.model.Reservation.LOCAL, "Reserved for Wigan borough suppliers",
            org.anchormarket.contracts.tender.model.Reservation.SME_VCFSE,
            "Reserved for SMEs and VCFSE organisations",
            org.anchormarket.contracts.tender.model.Reservation.LOCAL_SME_VCFSE,
            "Reserved for Wigan borough SMEs and VCFSE organisations");

    static final Map<org.anchormarket.contracts.tender.model.TenderStatus, String> TENDER_STATUSES = Map.of(
            org.anchormarket.contracts.tender.model.TenderStatus.DRAFT, "Draft",
            org.anchormarket.contracts.tender.model.TenderStatus.PUBLISHED, "Open for bids",
            org.anchormarket.contracts.tender.model.TenderStatus.CLOSED, "Closed",
            org.anchormarket.contracts.tender.model.TenderStatus.AWARDED, "Awarded",
            org.anchormarket.contracts.tender.model.TenderStatus.CANCELLED, "Cancelled");

    static final Map<org.anchormarket.contracts.tender.model.BidOutcome, String> BID_OUTCOMES = Map.of(
            org.anchormarket.contracts.tender.model.BidOutcome.OPEN, "Submitted: you can change it until the deadline",
            org.anchormarket.contracts.tender.model.BidOutcome.UNDER_EVALUATION, "Being evaluated",
            org.anchormarket.contracts.tender.model.BidOutcome.WON, "Won",
            org.anchormarket.contracts.tender.model.BidOutcome.NOT_WON, "Not successful",
            org.anchormarket.contracts.tender.model.BidOutcome.CANCELLED, "Tender cancelled");

    static final Map<org.anchormarket.contracts.tender.model.Notification.KindEnum, String> NOTIFICATION_KINDS =
            Map.of(org.anchormarket.contracts.tender.model.Notification.KindEnum.NEW_OPPORTUNITY, "New opportunity",
                    org.anchormarket.contracts.tender.model.Notification.KindEnum.PIPELINE_TENDERED,
                    "A plan you follow is out to tender",
                    org.anchormarket.contracts.tender.model.Notification.KindEnum.TENDER_AMENDED, "Tender changed",
                    org.anchormarket.contracts.tender.model.Notification.KindEnum.TENDER_CANCELLED,
                    "Tender cancelled");

    static final Map<org.anchormarket.contracts.events.model.EventKind, String> EVENT_KINDS = Map.of(
            org.anchormarket.contracts.events.model.EventKind.MEET_THE_BUYER, "Meet the buyer",
            org.anchormarket.contracts.events.model.EventKind.TRAINING, "Procurement training",
            org.anchormarket.contracts.events.model.EventKind.WEBINAR, "Webinar");

    static final Map<org.anchormarket.contracts.events.model.RegistrationStatus, String> REGISTRATION_STATUSES =
            Map.of(org.anchormarket.contracts.events.model.RegistrationStatus.CONFIRMED, "Place confirmed",
                    org.anchormarket.contracts.events.model.RegistrationStatus.WAITLISTED, "On the waitlist",
                    org.anchormarket.contracts.events.model.RegistrationStatus.CANCELLED, "Cancelled");

    static final Map<org.anchormarket.contracts.events.model.MeetingStatus, String> MEETING_STATUSES = Map.of(
            org.anchormarket.contracts.events.model.MeetingStatus.REQUESTED, "Asked for: waiting for the buyer",
            org.anchormarket.contracts.events.model.MeetingStatus.ACCEPTED, "Accepted",
            org.anchormarket.contracts.events.model.MeetingStatus.DECLINED, "Declined",
            org.anchormarket.contracts.events.model.MeetingStatus.CANCELLED, "Cancelled");

    private Labels() {
    }

    public static String label(org.anchormarket.contracts.events.model.EventKind value) {
        return EVENT_KINDS.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.events.model.RegistrationStatus value) {
        return REGISTRATION_STATUSES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.events.model.MeetingStatus value) {
        return MEETING_STATUSES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.events.model.Attendance value) {
        return value == org.anchormarket.contracts.events.model.Attendance.ATTENDED ? "Came" : "Did not come";
    }

    public static String label(org.anchormarket.contracts.tender.model.ContractType value) {
        return CONTRACT_TYPES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.tender.model.Procedure value) {
        return PROCEDURES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.tender.model.Reservation value) {
        return RESERVATIONS.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.tender.model.TenderStatus value) {
        return TENDER_STATUSES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.tender.model.BidOutcome value) {
        return BID_OUTCOMES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(org.anchormarket.contracts.tender.model.Notification.KindEnum value) {
        return NOTIFICATION_KINDS.getOrDefault(value, String.valueOf(value));
    }

    public static String label(Locality value) {
        return LOCALITIES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(SizeBand value) {
        return SIZE_BANDS.getOrDefault(value, String.valueOf(value));
    }

    public static String label(VerificationStatus value) {
        return STATUSES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(OrganisationType value) {
        return ORGANISATION_TYPES.getOrDefault(value, String.valueOf(value));
    }

    public static String label(Invitation.StatusEnum value) {
        return INVITATIONS.getOrDefault(value, String.valueOf(value));
    }

    public static String label(ImportRowResult.OutcomeEnum value) {
        return switch (value.name()) {
            case "REGISTERED" -> "Registered";
            case "ALREADY_REGISTERED" -> "Already registered";
            case "REJECTED" -> "Not imported";
            default -> value.name();
        };
    }
}
