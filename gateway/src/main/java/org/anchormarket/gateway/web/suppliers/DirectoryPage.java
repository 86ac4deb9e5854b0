package org.anchormarket.gateway.web.suppliers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierPage;
import org.anchormarket.contracts.supplier.model.VerificationDecision;
import org.anchormarket.gateway.client.SupplierClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Labels;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The supplier directory for buyers, leadership and admins: filters, pages, the CSV download, and verification. */
@Path("/app/suppliers")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.SUPPLIER_DIRECTORY)
public class DirectoryPage {

    /** Suppliers on one page of the directory. */
    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(DirectoryFilters filters, SupplierPage page, int pages,
                ServiceRefusal refusal, List<Locality> localities, List<SizeBand> sizeBands, String decided);
    }

    private final SupplierClient suppliers;

    DirectoryPage(@RestClient SupplierClient suppliers) {
        this.suppliers = suppliers;
    }

    /**
     * The directory; after an admin's decision, {@code decided} names the supplier decided on, and the notice says
     * what the service now holds for it (never text from the address, which anyone could send a link with).
     */
    @GET
    public TemplateInstance directory(@BeanParam DirectoryFilters filters, @RestQuery String decided) {
        return show(filters, null, decision(decided));
    }

    private String decision(String decided) {
        if (decided == null) {
            return null;
        }
        try {
            Supplier supplier = suppliers.getSupplier(UUID.fromString(decided.strip()));
            return supplier.getLegalName() + ": " + Labels.label(supplier.getStatus());
        } catch (IllegalArgumentException | ServiceRefusal notShown) {
            return null;
        }
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@BeanParam DirectoryFilters filters) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        DirectoryFilters.Read read = filters.read(errors);
        if (!errors.isEmpty()) {
            throw ServiceRefusal.ofFields(errors);
        }
        String csv = suppliers.exportSuppliers(FormValues.text(filters.cpv()), read.locality(),
                FormValues.text(filters.town()), FormValues.text(filters.ward()), read.sizeBand(), read.vcfse(),
                read.verified(), read.bidReady(), FormValues.text(filters.q()));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"suppliers.csv\"").build();
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.SUPPLIER_VERIFICATION)
    public Object verify(@RestPath UUID id, @RestForm String status, @RestForm String reason) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        VerificationDecision.StatusEnum decision = FormValues.choice(status, VerificationDecision.StatusEnum::fromValue,
                "status", errors);
        if (!errors.isEmpty()) {
            return show(DirectoryFilters.awaitingVerification(), ServiceRefusal.ofFields(errors), null);
        }
        try {
            Supplier decided = suppliers.verifySupplier(id,
                    new VerificationDecision().status(decision).reason(FormValues.text(reason)));
            return Response.seeOther(URI.create("/app/suppliers?verified=false&decided=" + decided.getId()))
                    .build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden()) {
                throw refusal;
            }
            return show(DirectoryFilters.awaitingVerification(), refusal, null);
        }
    }

    private TemplateInstance show(DirectoryFilters filters, ServiceRefusal shown, String decided) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        DirectoryFilters.Read read = filters.read(errors);
        ServiceRefusal refusal = shown != null ? shown : errors.isEmpty() ? null : ServiceRefusal.ofFields(errors);
        SupplierPage result = null;
        if (errors.isEmpty()) {
            try {
                result = suppliers.searchSuppliers(FormValues.text(filters.cpv()), read.locality(),
                        FormValues.text(filters.town()), FormValues.text(filters.ward()), read.sizeBand(),
                        read.vcfse(), read.verified(), read.bidReady(), FormValues.text(filters.q()), read.page(),
                        PAGE_SIZE);
            } catch (ServiceRefusal serviceRefusal) {
                if (serviceRefusal.forbidden() || serviceRefusal.status() >= 500) {
                    throw serviceRefusal;
                }
                refusal = serviceRefusal;
            }
        }
        int pages = result == null ? 0 : (int) ((result.getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.directory(filters, result, pages, refusal, List.of(Locality.values()),
                List.of(SizeBand.values()), decided);
    }
}
