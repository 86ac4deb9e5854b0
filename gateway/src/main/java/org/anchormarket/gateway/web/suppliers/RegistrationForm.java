package org.anchormarket.gateway.web.suppliers;

import java.util.List;
import org.anchormarket.contracts.supplier.model.OrganisationType;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestForm;

/** The registration form as typed; shown back as typed when something needs correcting. */
public record RegistrationForm(@RestForm String legalName, @RestForm String tradingName,
        @RestForm String organisationType, @RestForm String companyNumber, @RestForm String charityNumber,
        @RestForm String postcode, @RestForm String addressLines, @RestForm String employees,
        @RestForm String annualTurnover, @RestForm String email, @RestForm String phone, @RestForm String cpvCodes,
        @RestForm String description, @RestForm String socialEnterprise) {

    static RegistrationForm empty() {
        return new RegistrationForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The registration for supplier-service; fields the page cannot read are named in {@code errors}. */
    SupplierRegistration toRegistration(List<ServiceRefusal.FieldError> errors) {
        return new SupplierRegistration()
                .legalName(FormValues.text(legalName))
                .tradingName(FormValues.text(tradingName))
                .organisationType(FormValues.choice(organisationType, OrganisationType::fromValue,
                        "organisationType", errors))
                .companyNumber(FormValues.text(companyNumber))
                .charityNumber(FormValues.text(charityNumber))
                .postcode(FormValues.text(postcode))
                .addressLines(FormValues.list(addressLines, "\\R"))
                .employees(FormValues.wholeNumber(employees, "employees", errors))
                .annualTurnover(FormValues.pounds(annualTurnover, "annualTurnover", errors))
                .email(FormValues.text(email))
                .phone(FormValues.text(phone))
                .cpvCodes(FormValues.list(cpvCodes, "[\\s,;]+"))
                .description(FormValues.text(description))
                .socialEnterprise(FormValues.checked(socialEnterprise));
    }

    public boolean socialEnterpriseChecked() {
        return FormValues.checked(socialEnterprise);
    }
}
