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

    private Labels() {
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
