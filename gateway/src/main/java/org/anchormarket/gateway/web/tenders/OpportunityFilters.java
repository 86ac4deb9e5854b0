package org.anchormarket.gateway.web.tenders;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anchormarket.contracts.tender.model.TenderStatus;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestQuery;

/** The opportunities' filters as typed in the address. */
public record OpportunityFilters(@RestQuery String q, @RestQuery String cpv, @RestQuery String status,
        @RestQuery String reserved, @RestQuery String minValue, @RestQuery String maxValue,
        @RestQuery String closingBefore, @RestQuery String page) {

    record Search(String q, String cpv, TenderStatus status, Boolean reserved, BigDecimal minValue,
            BigDecimal maxValue, OffsetDateTime closingBefore, int page) {
    }

    Search toSearch(List<ServiceRefusal.FieldError> errors) {
        String words = FormValues.text(q);
        String code = FormValues.text(cpv);
        if (code != null && !code.matches("[0-9]{2,8}(-[0-9])?")) {
            errors.add(new ServiceRefusal.FieldError("cpv", "must be a CPV code or the start of one, like 45 or "
                    + "45210000"));
            code = null;
        }
        Integer p = FormValues.wholeNumber(page, "page", errors);
        return new Search(words == null || words.length() <= 200 ? words : words.substring(0, 200), code,
                FormValues.choice(status, TenderStatus::fromValue, "status", errors),
                FormValues.yesNo(reserved, "reserved", errors),
                FormValues.pounds(minValue, "minValue", errors), FormValues.pounds(maxValue, "maxValue", errors),
                FormValues.londonTime(closingBefore, "closingBefore", errors),
                p == null || p < 0 ? 0 : Math.min(p, 10_000));
    }

    /** The filters again, for the pages' links ("?q=...&status=..."), without the page. */
    String query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q);
        values.put("cpv", cpv);
        values.put("status", status);
        values.put("reserved", reserved);
        values.put("minValue", minValue);
        values.put("maxValue", maxValue);
        values.put("closingBefore", closingBefore);
        String query = values.entrySet().stream().filter(e -> FormValues.text(e.getValue()) != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }
}
