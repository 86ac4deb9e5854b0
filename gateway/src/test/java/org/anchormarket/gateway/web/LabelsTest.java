package org.anchormarket.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.VerificationStatus;
import org.junit.jupiter.api.Test;

/** Pages show people's words: every value the APIs can send has them, and forms read what people type. */
class LabelsTest {

    @Test
    void shouldHaveWordsForEveryValueOfTheEnumsThePagesShow() {
        List<String> missing = new ArrayList<>();
        check(Locality.values(), Labels.LOCALITIES, missing);
        check(SizeBand.values(), Labels.SIZE_BANDS, missing);
        check(VerificationStatus.values(), Labels.STATUSES, missing);
        check(OrganisationType.values(), Labels.ORGANISATION_TYPES, missing);
        check(Invitation.StatusEnum.values(), Labels.INVITATIONS, missing);
        check(org.anchormarket.contracts.tender.model.ContractType.values(), Labels.CONTRACT_TYPES, missing);
        check(org.anchormarket.contracts.tender.model.Procedure.values(), Labels.PROCEDURES, missing);
        check(org.anchormarket.contracts.tender.model.Reservation.values(), Labels.RESERVATIONS, missing);
        check(org.anchormarket.contracts.tender.model.TenderStatus.values(), Labels.TENDER_STATUSES, missing);
        check(org.anchormarket.contracts.events.model.EventKind.values(), Labels.EVENT_KINDS, missing);
        check(org.anchormarket.contracts.events.model.RegistrationStatus.values(), Labels.REGISTRATION_STATUSES,
                missing);
        check(org.anchormarket.contracts.events.model.MeetingStatus.values(), Labels.MEETING_STATUSES, missing);
        check(org.anchormarket.contracts.tender.model.BidOutcome.values(), Labels.BID_OUTCOMES, missing);
        check(org.anchormarket.contracts.tender.model.Notification.KindEnum.values(), Labels.NOTIFICATION_KINDS,
                missing);
        assertEquals(List.of(), missing);
        assertEquals("Wigan borough", Labels.label(Locality.IN_BOROUGH));
        assertEquals("Awaiting verification", Labels.label(VerificationStatus.PENDING));
    }

    private static <E extends Enum<E>> void check(E[] values, Map<E, String> words, List<String> missing) {
        for (E value : values) {
            if (!value.name().startsWith("UNKNOWN_DEFAULT") && !words.containsKey(value)) {
                missing.add(value.getDeclaringClass().getSimpleName() + "." + value.name());
            }
        }
    }

    @Test
    void shouldReadWhatPeopleTypeAndNameWhatItCannot() {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        assertEquals(new java.math.BigDecimal("85000"), FormValues.pounds("£85,000", "annualTurnover", errors));
        assertEquals(12, FormValues.wholeNumber(" 12 ", "employees", errors));
        assertEquals("https://hedges.example", FormValues.webAddress("hedges.example"));
        assertEquals("http://a.example", FormValues.webAddress("http://a.example"));
        assertEquals(List.of("45000000", "79000000"), FormValues.list("45000000, 79000000;", "[\\s,;]+"));
        assertEquals(List.of(), errors);
        FormValues.wholeNumber("two", "employees", errors);
        FormValues.pounds("1e999999999", "annualTurnover", errors);
        FormValues.choice("NOT_A_FORM", OrganisationType::fromValue, "organisationType", errors);
        assertEquals(List.of("employees", "annualTurnover", "organisationType"), errors.stream().map(ServiceRefusal.FieldError::field)
                .toList());
        assertEquals("Employees must be a whole number, like 12", errors.get(0).message());
        ServiceRefusal.FieldError pattern = new ServiceRefusal.FieldError("website", "must match \"^https?://.+$\"");
        assertTrue(pattern.message().startsWith("Website is not in the form expected"), pattern.message());
        assertEquals("cpvCodes", new ServiceRefusal.FieldError("cpvCodes[2]", "x").input());
        // Bean Validation's words, as people say them (the new tender page showed "Cpv codes <list element> ...")
        assertEquals("CPV codes is not in the form expected", new ServiceRefusal.FieldError(
                "cpvCodes[0].<list element>", "must match \"^[0-9]{8}(-[0-9])?$\"").message());
        assertEquals("Title must be between 3 and 200 characters long",
                new ServiceRefusal.FieldError("title", "size must be between 3 and 200").message());
        assertEquals("CPV codes must have between 1 and 20 entries",
                new ServiceRefusal.FieldError("cpvCodes", "size must be between 1 and 20").message());
        assertEquals("Weights quality must be at least 0",
                new ServiceRefusal.FieldError("weights.quality", "must be greater than or equal to 0").message());
        // the services name a list entry's field with its index last; the forms, as a path
        assertEquals("lots[0].title", ServiceRefusals.fieldOf("lots.title[0]"));
        assertEquals("cpvCodes[2]", ServiceRefusals.fieldOf("cpvCodes.<list element>[2]"));
        assertEquals("weights.price", ServiceRefusals.fieldOf("weights.price"));
        assertEquals("Lot 2 title must be between 3 and 200 characters long", new ServiceRefusal.FieldError(
                ServiceRefusals.fieldOf("lots.title[1]"), "size must be between 3 and 200").message());
        assertEquals("Lot 1 CPV codes must have between 1 and 20 entries", new ServiceRefusal.FieldError(
                "lots[0].cpvCodes", "size must be between 1 and 20").message());
        assertEquals("Lot 1 estimated value must be an amount in pounds, like 250000",
                new ServiceRefusal.FieldError("lots[0].estimatedValue", "must be an amount in pounds, like 250000")
                        .message());
    }

    @Test
    void shouldReadUkTimesAsTypedWhateverTheSeason() {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        // winter: GMT; summer: BST, an hour ahead of UTC
        assertEquals(java.time.Instant.parse("2027-01-15T12:00:00Z"),
                FormValues.londonTime("15/01/2027 12:00", "submissionDeadline", errors).toInstant());
        assertEquals(java.time.Instant.parse("2027-07-01T08:30:00Z"),
                FormValues.londonTime("2027-07-01T09:30", "submissionDeadline", errors).toInstant());
        assertEquals(java.time.Instant.parse("2027-07-01T11:00:00Z"),
                FormValues.londonTime("1.7.2027", "submissionDeadline", errors).toInstant());
        assertEquals(java.time.Instant.parse("2027-01-15T12:00:30Z"),
                FormValues.londonTime("15/01/2027 12:00:30", "submissionDeadline", errors).toInstant());
        assertEquals(java.time.LocalDate.of(2027, 4, 1), FormValues.day("01/04/2027", "contractStart", errors));
        assertEquals(List.of(), errors);
        FormValues.londonTime("31/02/2027 12:00", "submissionDeadline", errors);
        FormValues.londonTime("next Friday", "clarificationDeadline", errors);
        FormValues.day("01/04/2027 10:00", "contractStart", errors);
        assertEquals(List.of("submissionDeadline", "clarificationDeadline", "contractStart"),
                errors.stream().map(ServiceRefusal.FieldError::field).toList());
        assertEquals("Friday 15 January 2027 at 12:00pm",
                Times.london(java.time.OffsetDateTime.parse("2027-01-15T12:00:00Z")));
        assertEquals("01/07/2027 09:30", Times.typed(java.time.OffsetDateTime.parse("2027-07-01T08:30:00Z")));
    }
}
