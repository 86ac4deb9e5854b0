package org.anchormarket.gateway.web.tenders;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.ContractType;
import org.anchormarket.contracts.tender.model.NewLot;
import org.anchormarket.contracts.tender.model.NewTender;
import org.anchormarket.contracts.tender.model.Procedure;
import org.anchormarket.contracts.tender.model.Reservation;
import org.anchormarket.contracts.tender.model.Weights;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A new tender as typed: up to three lots (each a row of title, value and codes; blank rows are no lot, and a tender
 * without lots gets one), deadlines in UK time, weights as whole percentages.
 */
public record TenderForm(@RestForm String anchor, @RestForm String pipelineItemId, @RestForm String title,
        @RestForm String description, @RestForm String cpvCodes, @RestForm String contractType,
        @RestForm String procedure, @RestForm String estimatedValue, @RestForm String reservation,
        @RestForm String clarificationDeadline, @RestForm String submissionDeadline, @RestForm String weightPrice,
        @RestForm String weightQuality, @RestForm String weightSocialValue,
        @RestForm String lot1Title, @RestForm String lot1Value, @RestForm String lot1CpvCodes,
        @RestForm String lot2Title, @RestForm String lot2Value, @RestForm String lot2CpvCodes,
        @RestForm String lot3Title, @RestForm String lot3Value, @RestForm String lot3CpvCodes) {

    static final int LOT_ROWS = 3;

    /** What a new form shows: the usual choices, a scoring that meets the social value minimum. */
    static TenderForm empty() {
        return new TenderForm(null, null, null, null, null, "SERVICES", "OPEN", null, "NONE", null, null, "60", "30",
                "10", null, null, null, null, null, null, null, null, null);
    }

    NewTender toTender(List<ServiceRefusal.FieldError> errors) {
        Integer price = FormValues.wholeNumber(weightPrice, "weights.price", errors);
        Integer quality = FormValues.wholeNumber(weightQuality, "weights.quality", errors);
        Integer social = FormValues.wholeNumber(weightSocialValue, "weights.socialValue", errors);
        UUID plan = null;
        if (FormValues.text(pipelineItemId) != null) {
            try {
                plan = UUID.fromString(pipelineItemId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new ServiceRefusal.FieldError("pipelineItemId", "must be one of the plans listed"));
            }
        }
        List<NewLot> lots = new ArrayList<>();
        String[][] rows = { { lot1Title, lot1Value, lot1CpvCodes }, { lot2Title, lot2Value, lot2CpvCodes },
                { lot3Title, lot3Value, lot3CpvCodes } };
        for (int i = 0; i < rows.length; i++) {
            String[] row = rows[i];
            if (FormValues.text(row[0]) == null && FormValues.text(row[1]) == null && FormValues.text(row[2]) == null) {
                continue;
            }
            // the service names a lot's fields by its place in the list: lots[0].title is the first lot sent
            int sent = lots.size();
            lots.add(new NewLot().title(FormValues.text(row[0]) == null ? "" : row[0].strip())
                    .estimatedValue(FormValues.pounds(row[1], "lots[" + sent + "].estimatedValue", errors))
                    .cpvCodes(FormValues.text(row[2]) == null ? null : FormValues.list(row[2], "[\\s,;]+")));
        }
        return new NewTender()
                .anchor(FormValues.text(anchor))
                .pipelineItemId(plan)
                .title(FormValues.text(title))
                .description(FormValues.text(description))
                .cpvCodes(FormValues.list(cpvCodes == null ? "" : cpvCodes, "[\\s,;]+"))
                .contractType(FormValues.choice(contractType, ContractType::fromValue, "contractType", errors))
                .procedure(FormValues.choice(procedure, Procedure::fromValue, "procedure", errors))
                .estimatedValue(FormValues.pounds(estimatedValue, "estimatedValue", errors))
                .reservation(FormValues.choice(reservation, Reservation::fromValue, "reservation", errors))
                .clarificationDeadline(FormValues.londonTime(clarificationDeadline, "clarificationDeadline", errors))
                .submissionDeadline(FormValues.londonTime(submissionDeadline, "submissionDeadline", errors))
                .weights(price == null || quality == null || social == null ? null
                        : new Weights().price(price).quality(quality).socialValue(social))
                .lots(lots);
    }

    /** The lot rows, for the template: row {@code i}'s fields and the index the service would name it by. */
    public List<LotRow> lotRows() {
        String[][] rows = { { lot1Title, lot1Value, lot1CpvCodes }, { lot2Title, lot2Value, lot2CpvCodes },
                { lot3Title, lot3Value, lot3CpvCodes } };
        List<LotRow> out = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < rows.length; i++) {
            boolean filled = FormValues.text(rows[i][0]) != null || FormValues.text(rows[i][1]) != null
                    || FormValues.text(rows[i][2]) != null;
            // a blank row is not sent: its fields' ids stay apart from the sent rows' ones
            out.add(new LotRow(i + 1, filled ? sent++ : 100 + i, rows[i][0], rows[i][1], rows[i][2]));
        }
        return out;
    }

    /** A row of the lots' fields: {@code sent} is its index in the request (100 and more: blank, not sent). */
    public record LotRow(int number, int sent, String title, String value, String cpvCodes) {

        public String name(String field) {
            return "lot" + number + field;
        }

        public String label(String what) {
            return "Lot " + number + " " + what;
        }

        public String titleError() {
            return "lots[" + sent + "].title";
        }

        public String valueError() {
            return "lots[" + sent + "].estimatedValue";
        }

        public String cpvError() {
            return "lots[" + sent + "].cpvCodes";
        }
    }
}
