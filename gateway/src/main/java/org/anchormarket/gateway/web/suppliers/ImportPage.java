package org.anchormarket.gateway.web.suppliers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.anchormarket.contracts.supplier.model.ImportReport;
import org.anchormarket.gateway.client.SupplierClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** An admin imports a buyer's supplier list (CSV) and reads, row by row, what came of it. */
@Path("/app/suppliers/import")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.SUPPLIER_IMPORT)
public class ImportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(ImportReport report, ServiceRefusal refusal);
    }

    private final SupplierClient suppliers;

    ImportPage(@RestClient SupplierClient suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    public TemplateInstance form() {
        return Templates.imports(null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@RestForm("file") FileUpload file) {
        if (file == null || file.size() == 0) {
            return Templates.imports(null, ServiceRefusal.ofFields(List.of(
                    new ServiceRefusal.FieldError("file", "must be a CSV file: choose one"))));
        }
        try {
            // The bytes as uploaded: supplier-service works out the encoding (UTF-8 with or without BOM, or
            // Windows-1252).
            return Templates.imports(suppliers.importSuppliers(file.uploadedFile().toFile()), null);
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Templates.imports(null, refusal);
        }
    }
}
