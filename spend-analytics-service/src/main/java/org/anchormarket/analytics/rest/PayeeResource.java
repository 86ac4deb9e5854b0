package org.anchormarket.analytics.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.anchormarket.analytics.mapping.PayeeMapper;
import org.anchormarket.analytics.service.Payees;
import org.anchormarket.contracts.analytics.api.PayeesApi;
import org.anchormarket.contracts.analytics.model.Payee;
import org.anchormarket.contracts.analytics.model.PayeeMapping;
import org.anchormarket.contracts.analytics.model.PayeePage;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: the spec (contracts/analytics) is the source of this API . */
public class PayeeResource implements PayeesApi {

    private final Payees payees;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    PayeeResource(Payees payees, SecurityIdentity identity, JsonWebToken token) {
        this.payees = payees;
        this.identity = identity;
        this.token = token;
    }

    @Override
    @RolesAllowed({ "admin", "leadership" })
    public PayeePage listPayees(Boolean matched, String q, Integer page, Integer pageSize) {
        return PayeeMapper.toApi(payees.list(matched, q, page, pageSize));
    }

    @Override
    @RolesAllowed("admin")
    public Payee mapPayee(String payeeKey, PayeeMapping mapping) {
        return PayeeMapper.toApi(payees.map(payeeKey, mapping.getSupplierId(), Callers.of(identity, token).name()));
    }
}
