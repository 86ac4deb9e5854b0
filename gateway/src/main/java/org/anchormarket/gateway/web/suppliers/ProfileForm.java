package org.anchormarket.gateway.web.suppliers;

import java.util.List;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A supplier's own details as they edit them. {@code version} is the ETag of the profile the form was filled from,
 * sent back as If-Match: a colleague's save in between is not overwritten, the form comes back to be checked.
 */
public record ProfileForm(@RestForm String tradingName, @RestForm String email, @RestForm String phone,
        @RestForm String website, @RestForm String description, @RestForm String employees,
        @RestForm String annualTurnover, @RestForm String cpvCodes, @RestForm String paysRealLivingWage,
        @RestForm String version) {

    /** The form filled from the supplier as it is now. */
    static ProfileForm of(Supplier supplier, String version) {
        return new ProfileForm(supplier.getTradingName(), supplier.getEmail(), supplier.getPhone(),
                supplier.getWebsite(), supplier.getDescription(),
                supplier.getEmployees() == null ? null : supplier.getEmployees().toString(),
                supplier.getAnnualTurnover() == null ? null : supplier.getAnnualTurnover().toPlainString(),
                String.join(" ", supplier.getCpvCodes() == null ? List.of() : supplier.getCpvCodes()),
                Boolean.TRUE.equals(supplier.getPaysRealLivingWage()) ? "on" : null, version);
    }

    SupplierProfile toProfile(List<ServiceRefusal.FieldError> errors) {
        return new SupplierProfile()
                .tradingName(tradingName == null ? null : tradingName.strip())
                .email(FormValues.text(email))
                .phone(FormValues.text(phone))
                .website(FormValues.webAddress(website))
                .description(description == null ? null : description.strip())
                .employees(FormValues.wholeNumber(employees, "employees", errors))
                .annualTurnover(FormValues.pounds(annualTurnover, "annualTurnover", errors))
                .cpvCodes(FormValues.list(cpvCodes, "[\\s,;]+"))
                .paysRealLivingWage(FormValues.checked(paysRealLivingWage));
    }

    public boolean paysRealLivingWageChecked() {
        return FormValues.checked(paysRealLivingWage);
    }
}
