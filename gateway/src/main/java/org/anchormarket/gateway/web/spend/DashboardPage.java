package org.anchormarket.gateway.web.spend;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.anchormarket.contracts.analytics.model.Funnel;
import org.anchormarket.contracts.analytics.model.Leakage;
import org.anchormarket.contracts.analytics.model.LocalSpendBreakdown;
import org.anchormarket.contracts.analytics.model.LocalSpendReport;
import org.anchormarket.contracts.analytics.model.TopSuppliers;
import org.anchormarket.gateway.client.SpendReportsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The local-spend dashboard: headline figures, the trend by financial year, spend by anchor and by town (charts with
 * the same figures in a table beside each), the top suppliers, leakage leads and the funnel, each downloadable as CSV.
 */
@Path("/app/spend")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.SPEND_DASHBOARD)
public class DashboardPage {

    /** What the dashboard shows; null parts were refused (the refusal says why). */
    public record Dashboard(LocalSpendReport headline, LocalSpendBreakdown years, LocalSpendBreakdown anchors,
            LocalSpendBreakdown towns, TopSuppliers top, Leakage leakage, Funnel funnel) {

        /** The breakdowns shown as charts with tables: by anchor, by town. */
        public List<LocalSpendBreakdown> breakdowns() {
            return List.of(anchors, towns);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SpendFilters filters, Dashboard dashboard, String period,
                List<Choice> anchors, String anyAnchor, List<Choice> years, ServiceRefusal refusal);
    }

    /** The reports the CSV links may ask for, and the breakdowns ({@code local-spend/by/...}). */
    private static final Set<String> CSV_REPORTS = Set.of("local-spend", "top-suppliers", "leakage", "funnel");
    private static final String BREAKDOWN = "local-spend/by/";
    private static final Set<String> CSV_BREAKDOWNS = Set.of("anchor", "locality", "town", "ward", "sizeBand",
            "vcfse", "category", "month", "quarter", "financialYear");

    private final SpendReportsClient reports;
    private final AnchorChoices anchors;

    DashboardPage(@RestClient SpendReportsClient reports, AnchorChoices anchors) {
        this.reports = reports;
        this.anchors = anchors;
    }

    @GET
    public Response dashboard(@BeanParam SpendFilters filters) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        SpendFilters.Read read = filters.read(errors);
        if (!anchors.offers(read.anchors())) {
            errors.add(new ServiceRefusal.FieldError("anchor", "must be one of the anchor institutions listed"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.dashboard(filters, null, null, anchors.options(),
                    anchors.any(), List.of(), ServiceRefusal.ofFields(errors))).build();
        }
        try {
            // The trend runs over every year, for the anchors chosen
            LocalSpendBreakdown years = reports.getLocalSpendBreakdown("financialYear", null, null, read.anchors());
            Dashboard dashboard = new Dashboard(
                    reports.getLocalSpendReport(read.from(), read.to(), read.anchors()), years,
                    reports.getLocalSpendBreakdown("anchor", read.from(), read.to(), read.anchors()),
                    reports.getLocalSpendBreakdown("town", read.from(), read.to(), read.anchors()),
                    reports.getTopSuppliers(20, read.from(), read.to(), read.anchors()),
                    reports.getLeakage(10, read.from(), read.to(), read.anchors()),
                    reports.getFunnel(read.from(), read.to(), read.anchors()));
            List<Choice> yearChoices = years.getRows().stream().map(r -> new Choice(r.getKey(), r.getLabel()))
                    .toList();
            return Response.ok(Templates.dashboard(filters, dashboard, period(read, years), anchors.options(),
                    anchors.any(), yearChoices, null)).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            // The form offers years; a period the service refused came from the address: said by the year's field
            List<ServiceRefusal.FieldError> shown = refusal.errors().stream().map(e -> "from".equals(e.field())
                    || "to".equals(e.field()) ? new ServiceRefusal.FieldError("year", "must be chosen here: the "
                            + "period in the address (" + e.field() + ") " + e.reason()) : e).toList();
            return Response.status(refusal.status()).entity(Templates.dashboard(filters, null, null,
                    anchors.options(), anchors.any(), List.of(),
                    new ServiceRefusal(refusal.status(), refusal.detail(), shown))).build();
        }
    }

    /** A report as CSV, for the filters shown. */
    @GET
    @Path("csv")
    @Produces("text/csv")
    public Response csv(@RestQuery String report, @BeanParam SpendFilters filters) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        SpendFilters.Read read = filters.read(errors);
        boolean breakdown = report != null && report.startsWith(BREAKDOWN)
                && CSV_BREAKDOWNS.contains(report.substring(BREAKDOWN.length()));
        if (report == null || !(breakdown || CSV_REPORTS.contains(report)) || !errors.isEmpty()
                || !anchors.offers(read.anchors())) {
            throw new BadRequestException("Not a report that can be downloaded, or filters that cannot be read");
        }
        String from = read.from() == null ? null : read.from().toString();
        String to = read.to() == null ? null : read.to().toString();
        String csv = breakdown ? reports.csvBreakdown(report.substring(BREAKDOWN.length()), from, to, read.anchors())
                : reports.csv(report, from, to, read.anchors(), report.equals("top-suppliers") ? 300 : null);
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\""
                + report.replace('/', '-') + ".csv\"").build();
    }

    /** The period shown, in words: "Financial year 2019/20", "1 April 2019 to 30 June 2019", "All payments". */
    private static String period(SpendFilters.Read read, LocalSpendBreakdown years) {
        if (read.from() == null && read.to() == null) {
            return "All payments";
        }
        if (read.from() != null && read.to() != null && read.from().getDayOfMonth() == 1 && read.from().getMonthValue() == 4
                && read.to().equals(read.from().plusYears(1).minusDays(1))) {
            int y = read.from().getYear();
            return "Financial year " + y + "/" + String.format("%02d", (y + 1) % 100);
        }
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.UK);
        return (read.from() == null ? "Up" : "From " + read.from().format(day)) + " to "
                + (read.to() == null ? "today" : read.to().format(day));
    }
}
