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
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.InvitationAcceptance;
import org.anchormarket.contracts.supplier.model.InvitationRequest;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.gateway.client.SupplierClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A supplier user's own organisation: registering it (or joining a colleague's with an invitation code), its profile,
 * and inviting colleagues. Every change goes through supplier-service, which decides.
 */
@Path("/app/organisation")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.YOUR_ORGANISATION)
public class OrganisationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisation(Supplier supplier, ProfileForm profile,
                List<Invitation> invitations, String notice, ServiceRefusal refusal);

        static native TemplateInstance join(RegistrationForm form, ServiceRefusal refusal,
                List<OrganisationType> organisationTypes, ServiceRefusal codeRefusal, String code);
    }

    private final SupplierClient suppliers;

    OrganisationPage(@RestClient SupplierClient suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    public TemplateInstance organisation(@RestQuery String notice) {
        RestResponse<Supplier> mine;
        try {
            mine = suppliers.getMySupplierTagged();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return join(RegistrationForm.empty(), null, null, null);
            }
            throw refusal;
        }
        Supplier supplier = mine.getEntity();
        return Templates.organisation(supplier, ProfileForm.of(supplier, mine.getHeaderString("ETag")),
                suppliers.listInvitations(supplier.getId()), notice, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(@BeanParam RegistrationForm form) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        SupplierRegistration registration = form.toRegistration(errors);
        if (!errors.isEmpty()) {
            return join(form, ServiceRefusal.ofFields(errors), null, null);
        }
        try {
            suppliers.registerSupplier(registration);
            return Response.seeOther(URI.create("/app/organisation?notice=registered")).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return join(form, refusal, null, null);
        }
    }

    @POST
    @Path("acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object accept(@RestForm String code) {
        try {
            suppliers.acceptInvitation(new InvitationAcceptance().code(code == null ? "" : code.strip()));
            return Response.seeOther(URI.create("/app/organisation?notice=joined")).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return join(RegistrationForm.empty(), null, refusal, code);
        }
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object update(@BeanParam ProfileForm form) {
        Supplier mine = suppliers.getMySupplier();
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        SupplierProfile change = form.toProfile(errors);
        ServiceRefusal refusal = errors.isEmpty() ? null : ServiceRefusal.ofFields(errors);
        if (refusal == null) {
            try {
                suppliers.updateSupplier(mine.getId(), change, FormValues.text(form.version()));
                return Response.seeOther(URI.create("/app/organisation?notice=updated")).build();
            } catch (ServiceRefusal serviceRefusal) {
                if (serviceRefusal.forbidden() || serviceRefusal.status() >= 500) {
                    throw serviceRefusal;
                }
                refusal = serviceRefusal.status() == 412 || serviceRefusal.status() == 409
                        ? new ServiceRefusal(409, "Someone else in your organisation saved its details while you "
                                + "were editing them. Below are their changes and yours: check them and save again.",
                                List.of())
                        : serviceRefusal;
                if (refusal.status() == 409) {
                    // Their save is kept; the form keeps what this user typed, against the new version
                    RestResponse<Supplier> now = suppliers.getMySupplierTagged();
                    return Templates.organisation(now.getEntity(), withVersion(form, now.getHeaderString("ETag")),
                            suppliers.listInvitations(mine.getId()), null, refusal);
                }
            }
        }
        return Templates.organisation(mine, form, suppliers.listInvitations(mine.getId()), null, refusal);
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object invite(@RestForm String email) {
        RestResponse<Supplier> mine = suppliers.getMySupplierTagged();
        Supplier supplier = mine.getEntity();
        try {
            suppliers.inviteMember(supplier.getId(), new InvitationRequest().email(FormValues.text(email)));
            return Response.seeOther(URI.create("/app/organisation?notice=invited")).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            // The invitation's address is the invite field, not the profile's email
            ServiceRefusal forInvite = new ServiceRefusal(refusal.status(), refusal.detail(), refusal.errors()
                    .stream().map(e -> e.field().equals("email") ? new ServiceRefusal.FieldError("inviteEmail",
                            e.reason()) : e).toList());
            return Templates.organisation(supplier, ProfileForm.of(supplier, mine.getHeaderString("ETag")),
                    suppliers.listInvitations(supplier.getId()), null, forInvite);
        }
    }

    private static TemplateInstance join(RegistrationForm form, ServiceRefusal refusal, ServiceRefusal codeRefusal,
            String code) {
        return Templates.join(form, refusal, List.of(OrganisationType.values()), codeRefusal, code);
    }

    private static ProfileForm withVersion(ProfileForm form, String version) {
        return new ProfileForm(form.tradingName(), form.email(), form.phone(), form.website(), form.description(),
                form.employees(), form.annualTurnover(), form.cpvCodes(), form.paysRealLivingWage(), version);
    }
}
