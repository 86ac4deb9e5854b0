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
import org.anchormarket.gateway.web.Pager;
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
        static native TemplateInstance payees(PayeePage page, Pager pager, String q, String mapped,
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
        String typed = FormValues.text(q);
        // the service searches by up to 200 characters of a name (a payee's key may be longer)
        String search = typed == null || typed.length() <= 200 ? typed : typed.substring(0, 200);
        PayeePage found = payees.listPayees(false, search, p, PAGE_SIZE);
        Pager pager = Pager.of(p, found.getTotal(), PAGE_SIZE, "/app/spend/payees"
                + (search == null ? "" : "?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
        return Templates.payees(found, pager, search, notice, refusal, failed);
    }

    /** What the service now holds for the payee mapped (never text from the address). */
    private String notice(String payeeKey) {
        try {
            // the payee's own key, among those whose names contain it (a search, not a lookup)
            PayeePage page = payees.listPayees(true, payeeKey.length() <= 200 ? payeeKey
                    : payeeKey.substring(0, 200), 0, 200);
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
            return Response.status(400).entity(show(q, null, null, new ServiceRefusal(400,
                    "The form did not say which payee to map: choose one below", List.of()), null)).build();
        }
        if (!errors.isEmpty()) {
            // shown with the payee the form was for, whatever page it was on
            return Response.status(400).entity(show(payeeKey, null, null, ServiceRefusal.ofFields(errors), payeeKey))
                    .build();
        }
        try {
            Payee payee = payees.mapPayee(payeeKey, new PayeeMapping().supplierId(supplier));
            return Response.seeOther(URI.create("/app/spend/payees?mapped="
                    + URLEncoder.encode(payee.getPayeeKey(), StandardCharsets.UTF_8).replace("+", "%20")
                    + (FormValues.text(q) == null ? "" : "&q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8)
                            .replace("+", "%20")))).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(refusal.status() == 404 ? 404 : 400)
                    .entity(show(payeeKey, null, null, refusal, payeeKey)).build();
        }
    }
}
