package org.anchormarket.gateway.web.spend;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.analytics.model.Payee;
import org.anchormarket.contracts.analytics.model.PayeeMapping;
import org.anchormarket.contracts.analytics.model.PayeePage;
import org.anchormarket.gateway.client.PayeesClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** An admin maps the payees no rule matched to registered suppliers, the most paid first. */
@Path("/app/spend/payees")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.SPEND_PAYEES)
public class PayeesPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        /** {@code failed}: the payee whose mapping was refused (its field carries the error). */
        static native TemplateInstance payees(PayeePage page, int pages, String q, String mapped,
                ServiceRefusal refusal, String failedKey);
    }

    private final PayeesClient payees;

    PayeesPage(@RestClient PayeesClient payees) {
        this.payees = payees;
    }

    /** The unmatched payees; after a mapping, {@code mapped} names the payee mapped (its notice). */
    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery String page, @RestQuery String mapped) {
        return show(q, page, mapped == null ? null : notice(mapped), null, null);
    }

    private TemplateInstance show(String q, String page, String notice, ServiceRefusal refusal, String failed) {
        Integer asked = FormValues.wholeNumber(page, "page", new ArrayList<>());
        int p = asked == null || asked < 0 ? 0 : Math.min(asked, 100_000);
        String search = FormValues.text(q);
        PayeePage found = payees.listPayees(false, search, p, PAGE_SIZE);
        int pages = (int) Math.min(100_000, (found.getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.payees(found, pages, search, notice, refusal, failed);
    }

    /** What the service now holds for the payee mapped (never text from the address). */
    private String notice(String payeeKey) {
        try {
            PayeePage page = payees.listPayees(true, payeeKey, 0, 1);
            return page.getItems().stream().filter(x -> x.getPayeeKey().equals(payeeKey)).findFirst()
                    .map(x -> x.getName() + " is now " + x.getSupplierName()).orElse(null);
        } catch (ServiceRefusal notShown) {
            return null;
        }
    }

    @POST
    @Path("map")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response map(@RestForm String payeeKey, @RestForm String supplierId, @RestForm String q) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        UUID supplier = null;
        try {
            supplier = UUID.fromString(FormValues.text(supplierId) == null ? "" : supplierId.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ServiceRefusal.FieldError("supplierId",
                    "must be the supplier's ID, as in its address in the supplier directory"));
        }
        if (FormValues.text(payeeKey) == null) {
            errors.add(new ServiceRefusal.FieldError("payeeKey", "must name the payee to map"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(show(q, null, null, ServiceRefusal.ofFields(errors), payeeKey)).build();
        }
        try {
            Payee payee = payees.mapPayee(payeeKey, new PayeeMapping().supplierId(supplier));
            return Response.seeOther(URI.create("/app/spend/payees?mapped="
                    + URLEncoder.encode(payee.getPayeeKey(), StandardCharsets.UTF_8))).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(refusal.status() == 404 ? 404 : 400)
                    .entity(show(q, null, null, refusal, payeeKey)).build();
        }
    }
}
