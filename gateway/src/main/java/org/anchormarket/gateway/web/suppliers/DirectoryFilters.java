package org.anchormarket.gateway.web.suppliers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestQuery;

/** The directory's filters as the query string gives them; echoed into the form and the CSV link. */
public record DirectoryFilters(@RestQuery String q, @RestQuery String cpv, @RestQuery String locality,
        @RestQuery String town, @RestQuery String ward, @RestQuery String sizeBand, @RestQuery String vcfse,
        @RestQuery String verified, @RestQuery String bidReady, @RestQuery String page) {

    /** Only the suppliers awaiting an admin's decision. */
    static DirectoryFilters awaitingVerification() {
        return new DirectoryFilters(null, null, null, null, null, null, null, "false", null, null);
    }

    /** The filters read for the service; what cannot be read is named in {@code errors}. */
    record Read(Locality locality, SizeBand sizeBand, Boolean vcfse, Boolean verified, Boolean bidReady, int page) {
    }

    Read read(List<ServiceRefusal.FieldError> errors) {
        Integer p = FormValues.wholeNumber(page, "page", errors);
        return new Read(FormValues.choice(locality, Locality::fromValue, "locality", errors),
                FormValues.choice(sizeBand, SizeBand::fromValue, "sizeBand", errors),
                FormValues.yesNo(vcfse, "vcfse", errors), FormValues.yesNo(verified, "verified", errors),
                FormValues.yesNo(bidReady, "bidReady", errors), p == null || p < 0 ? 0 : p);
    }

    /** The filters as a query string (without the page), for the CSV link and the page links. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "q", q);
        add(parts, "cpv", cpv);
        add(parts, "locality", locality);
        add(parts, "town", town);
        add(parts, "ward", ward);
        add(parts, "sizeBand", sizeBand);
        add(parts, "vcfse", vcfse);
        add(parts, "verified", verified);
        add(parts, "bidReady", bidReady);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
