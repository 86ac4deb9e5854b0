package org.anchormarket.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anchormarket.contracts.supplier.model.ImportReport;
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.InvitationAcceptance;
import org.anchormarket.contracts.supplier.model.InvitationRequest;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierPage;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.contracts.supplier.model.VerificationDecision;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.gateway.client.SupplierClient;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The web UI's supplier pages: the directory for buyers, leadership and admins (with CSV export), a supplier's own
 * organisation (register, invite colleagues, join with an invitation code), and the admin's CSV import. Each calls
 * supplier-service through its generated interface with the signed-in user's access token; the service decides.
 */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class SupplierPages {

    /** A refusal from the service, as the page shows it: its detail and each field's reason. */
    public record Refusal(String detail, List<Map<String, String>> errors) {
        public boolean has(String field) {
            return errors.stream().anyMatch(e -> field.equals(e.get("field")));
        }

        public String reason(String field) {
            return errors.stream().filter(e -> field.equals(e.get("field"))).map(e -> e.get("reason")).findFirst()
                    .orElse("");
        }
    }

    /** The directory's filters, echoed into the form and the export link. */
    public record Filters(String q, String cpv, String locality, String town, String ward, String sizeBand,
            String vcfse, String verified) {
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
            return String.join("&", parts);
        }

        /** One page of the directory these filters find (an unknown locality or size: IllegalArgumentException). */
        SupplierPage search(SupplierClient suppliers, int page) {
            return suppliers.searchSuppliers(blank(cpv), localityValue(), blank(town), blank(ward), sizeBandValue(),
                    bool(vcfse), bool(verified), blank(q), page, PAGE_SIZE);
        }

        /** Every supplier these filters find, as CSV. */
        String export(SupplierClient suppliers) {
            return suppliers.exportSuppliers(blank(cpv), localityValue(), blank(town), blank(ward), sizeBandValue(),
                    bool(vcfse), bool(verified), blank(q));
        }

        private Locality localityValue() {
            return blank(locality) == null ? null : Locality.fromValue(locality);
        }

        private SizeBand sizeBandValue() {
            return blank(sizeBand) == null ? null : SizeBand.fromValue(sizeBand);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** Suppliers on one page of the directory. */
    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(PlatformUser user, Filters filters, SupplierPage page,
                Refusal refusal, List<String> localities, List<String> sizeBands, int pages, String decided);

        static native TemplateInstance organisation(PlatformUser user, Supplier supplier, List<Invitation> invitations,
                String notice, Refusal refusal);

        static native TemplateInstance join(PlatformUser user, Map<String, String> form, Refusal refusal,
                List<String> organisationTypes);

        static native TemplateInstance imports(PlatformUser user, ImportReport report, Refusal refusal);
    }

    private final SupplierClient suppliers;
    private final SecurityIdentity identity;
    private final JsonWebToken idToken;
    private final ObjectMapper json;

    SupplierPages(@RestClient SupplierClient suppliers, SecurityIdentity identity, JsonWebToken idToken,
            ObjectMapper json) {
        this.suppliers = suppliers;
        this.identity = identity;
        this.idToken = idToken;
        this.json = json;
    }

    private PlatformUser user() {
        return PlatformUser.of(identity, idToken);
    }

    @GET
    @Path("suppliers")
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public TemplateInstance directory(@QueryParam("q") String q, @QueryParam("cpv") String cpv,
            @QueryParam("locality") String locality, @QueryParam("town") String town, @QueryParam("ward") String ward,
            @QueryParam("sizeBand") String sizeBand, @QueryParam("vcfse") String vcfse,
            @QueryParam("verified") String verified, @QueryParam("page") Integer page,
            @QueryParam("decided") String decided) {
        Filters filters = new Filters(q, cpv, locality, town, ward, sizeBand, vcfse, verified);
        SupplierPage result = null;
        Refusal refusal = null;
        try {
            result = filters.search(suppliers, page == null ? 0 : Math.max(0, page));
        } catch (WebApplicationException e) {
            refusal = refusal(e);
        } catch (IllegalArgumentException e) {
            refusal = new Refusal("A filter has a value the directory does not know", List.of());
        }
        int pages = result == null ? 0 : (int) ((result.getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.directory(user(), filters, result, refusal, names(Locality.values()),
                names(SizeBand.values()), pages, decided);
    }

    @GET
    @Path("suppliers/export")
    @Produces("text/csv")
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public Response export(@QueryParam("q") String q, @QueryParam("cpv") String cpv,
            @QueryParam("locality") String locality, @QueryParam("town") String town, @QueryParam("ward") String ward,
            @QueryParam("sizeBand") String sizeBand, @QueryParam("vcfse") String vcfse,
            @QueryParam("verified") String verified) {
        String csv = new Filters(q, cpv, locality, town, ward, sizeBand, vcfse, verified).export(suppliers);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"suppliers.csv\"").build();
    }

    @GET
    @Path("organisation")
    @RolesAllowed("supplier")
    public TemplateInstance organisation(@QueryParam("notice") String notice) {
        try {
            Supplier mine = suppliers.getMySupplier();
            return Templates.organisation(user(), mine, suppliers.listInvitations(mine.getId()), notice, null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Templates.join(user(), form(Map.of()), null, names(OrganisationType.values()));
            }
            throw e;
        }
    }

    @POST
    @Path("organisation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supplier")
    public Object register(@FormParam("legalName") String legalName, @FormParam("tradingName") String tradingName,
            @FormParam("organisationType") String organisationType, @FormParam("companyNumber") String companyNumber,
            @FormParam("charityNumber") String charityNumber, @FormParam("postcode") String postcode,
            @FormParam("addressLines") String addressLines, @FormParam("employees") String employees,
            @FormParam("annualTurnover") String annualTurnover, @FormParam("email") String email,
            @FormParam("phone") String phone, @FormParam("cpvCodes") String cpvCodes,
            @FormParam("description") String description, @FormParam("socialEnterprise") String socialEnterprise) {
        Map<String, String> form = new java.util.HashMap<>();
        form.put("legalName", legalName);
        form.put("tradingName", tradingName);
        form.put("organisationType", organisationType);
        form.put("companyNumber", companyNumber);
        form.put("charityNumber", charityNumber);
        form.put("postcode", postcode);
        form.put("addressLines", addressLines);
        form.put("employees", employees);
        form.put("annualTurnover", annualTurnover);
        form.put("email", email);
        form.put("phone", phone);
        form.put("cpvCodes", cpvCodes);
        form.put("description", description);
        form.put("socialEnterprise", socialEnterprise);
        List<Map<String, String>> errors = new ArrayList<>();
        SupplierRegistration registration = new SupplierRegistration()
                .legalName(blank(legalName))
                .tradingName(blank(tradingName))
                .companyNumber(blank(companyNumber))
                .charityNumber(blank(charityNumber))
                .postcode(blank(postcode))
                .addressLines(lines(addressLines, "\\R"))
                .email(blank(email))
                .phone(blank(phone))
                .cpvCodes(lines(cpvCodes, "[\\s,;]+"))
                .description(blank(description))
                .socialEnterprise("on".equals(socialEnterprise));
        try {
            registration.organisationType(blank(organisationType) == null ? null
                    : OrganisationType.fromValue(organisationType));
        } catch (IllegalArgumentException e) {
            errors.add(Map.of("field", "organisationType", "reason", "choose one of the forms listed"));
        }
        registration.employees(wholeNumber(employees, "employees", errors))
                .annualTurnover(pounds(annualTurnover, "annualTurnover", errors));
        if (!errors.isEmpty()) {
            return Templates.join(user(), form(form), new Refusal("Please correct the fields marked", errors),
                    names(OrganisationType.values()));
        }
        try {
            suppliers.registerSupplier(registration);
            return Response.seeOther(URI.create("/app/organisation?notice=registered")).build();
        } catch (WebApplicationException e) {
            return Templates.join(user(), form(form), refusal(e), names(OrganisationType.values()));
        }
    }

    @POST
    @Path("organisation/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supplier")
    public Object invite(@FormParam("email") String email) {
        Supplier mine = suppliers.getMySupplier();
        try {
            suppliers.inviteMember(mine.getId(), new InvitationRequest().email(email));
            return Response.seeOther(URI.create("/app/organisation?notice=invited")).build();
        } catch (WebApplicationException e) {
            return Templates.organisation(user(), mine, suppliers.listInvitations(mine.getId()), null, refusal(e));
        }
    }

    @POST
    @Path("organisation/acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supplier")
    public Object accept(@FormParam("code") String code) {
        try {
            suppliers.acceptInvitation(new InvitationAcceptance().code(code == null ? "" : code.strip()));
            return Response.seeOther(URI.create("/app/organisation?notice=joined")).build();
        } catch (WebApplicationException e) {
            return Templates.join(user(), form(Map.of()), refusal(e), names(OrganisationType.values()));
        }
    }

    @POST
    @Path("suppliers/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("admin")
    public Object verify(@jakarta.ws.rs.PathParam("id") java.util.UUID id, @FormParam("status") String status,
            @FormParam("reason") String reason) {
        try {
            Supplier decided = suppliers.verifySupplier(id, new VerificationDecision()
                    .status(VerificationDecision.StatusEnum.fromValue(status)).reason(blank(reason)));
            return Response.seeOther(URI.create("/app/suppliers?verified=false&decided="
                    + java.net.URLEncoder.encode(decided.getLegalName() + ": " + decided.getStatus(),
                            StandardCharsets.UTF_8))).build();
        } catch (WebApplicationException e) {
            Filters pending = new Filters(null, null, null, null, null, null, null, "false");
            return Templates.directory(user(), pending, pending.search(suppliers, 0), refusal(e), names(Locality.values()), names(SizeBand.values()), 1, null);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException("status must be VERIFIED or REJECTED");
        }
    }

    @POST
    @Path("organisation/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supplier")
    public Object update(@FormParam("tradingName") String tradingName, @FormParam("email") String email,
            @FormParam("phone") String phone, @FormParam("website") String website,
            @FormParam("description") String description, @FormParam("employees") String employees,
            @FormParam("annualTurnover") String annualTurnover, @FormParam("cpvCodes") String cpvCodes,
            @FormParam("paysRealLivingWage") String paysRealLivingWage) {
        Supplier mine = suppliers.getMySupplier();
        List<Map<String, String>> errors = new ArrayList<>();
        SupplierProfile change = new SupplierProfile()
                .tradingName(tradingName == null ? null : tradingName.strip())
                .email(blank(email))
                .phone(blank(phone))
                .description(description == null ? null : description.strip())
                .cpvCodes(lines(cpvCodes, "[\\s,;]+"))
                .paysRealLivingWage("on".equals(paysRealLivingWage));
        change.website(blank(website) == null ? null : website.strip());
        change.employees(wholeNumber(employees, "employees", errors))
                .annualTurnover(pounds(annualTurnover, "annualTurnover", errors));
        Refusal refusal = errors.isEmpty() ? null : new Refusal("Please correct the fields marked", errors);
        if (refusal == null) {
            try {
                suppliers.updateSupplier(mine.getId(), change, null);
                return Response.seeOther(URI.create("/app/organisation?notice=updated")).build();
            } catch (WebApplicationException e) {
                refusal = refusal(e);
            }
        }
        return Templates.organisation(user(), mine, suppliers.listInvitations(mine.getId()), null, refusal);
    }

    @GET
    @Path("suppliers/import")
    @RolesAllowed("admin")
    public TemplateInstance importForm() {
        return Templates.imports(user(), null, null);
    }

    @POST
    @Path("suppliers/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("admin")
    public TemplateInstance importFile(@RestForm("file") FileUpload file) throws java.io.IOException {
        if (file == null || file.size() == 0) {
            return Templates.imports(user(), null, new Refusal("Choose a CSV file to import",
                    List.of(Map.of("field", "file", "reason", "is required"))));
        }
        try {
            // The bytes as uploaded: supplier-service works out the encoding (UTF-8, with or without BOM, or
            // Windows-1252).
            ImportReport report = suppliers.importSuppliers(file.uploadedFile().toFile());
            return Templates.imports(user(), report, null);
        } catch (WebApplicationException e) {
            return Templates.imports(user(), null, refusal(e));
        }
    }

    /** The service's problem details, read from its answer. */
    @SuppressWarnings("unchecked")
    private Refusal refusal(WebApplicationException e) {
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw e;
        }
        try {
            Map<String, Object> problem = json.readValue(response.readEntity(String.class), Map.class);
            List<Map<String, String>> errors = problem.get("errors") instanceof List<?> list
                    ? list.stream().map(o -> (Map<String, String>) o).toList() : List.of();
            Object detail = problem.getOrDefault("detail", problem.get("title"));
            return new Refusal(detail == null ? "Refused (" + status + ")" : detail.toString(), errors);
        } catch (RuntimeException | java.io.IOException unreadable) {
            return new Refusal("The supplier service answered " + status, List.of());
        }
    }

    /** The registration form's fields as entered, every one present (empty when not given). */
    private static Map<String, String> form(Map<String, String> entered) {
        Map<String, String> all = new java.util.HashMap<>();
        for (String field : List.of("legalName", "tradingName", "organisationType", "companyNumber", "charityNumber",
                "postcode", "addressLines", "employees", "annualTurnover", "email", "phone", "cpvCodes",
                "description", "socialEnterprise")) {
            all.put(field, entered.get(field) == null ? "" : entered.get(field));
        }
        return all;
    }

    /** A form's whole number, or null when left empty; one that cannot be read is named in {@code errors}. */
    private static Integer wholeNumber(String value, String field, List<Map<String, String>> errors) {
        try {
            return blank(value) == null ? null : Integer.valueOf(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(Map.of("field", field, "reason", "is not a whole number"));
            return null;
        }
    }

    /** A form's amount in pounds ({@code £1,200.50} reads), or null when left empty. */
    private static BigDecimal pounds(String value, String field, List<Map<String, String>> errors) {
        try {
            return blank(value) == null ? null
                    : new BigDecimal(value.strip().replace(",", "").replaceFirst("^£", ""));
        } catch (NumberFormatException e) {
            errors.add(Map.of("field", field, "reason", "is not an amount in pounds"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean bool(String s) {
        return blank(s) == null ? null : Boolean.valueOf(s.strip());
    }

    private static List<String> lines(String text, String separator) {
        return text == null ? null : Arrays.stream(text.split(separator)).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
