package org.anchormarket.supplier.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.supplier.api.SuppliersApi;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.supplier.mapping.SupplierMapper;
import org.anchormarket.supplier.service.SupplierService;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: maps in, calls the service, maps out. The spec (contracts/supplier) is the source of this API. */
public class SupplierResource implements SuppliersApi {

    private final SupplierService suppliers;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UriInfo uri;
    private final Created created;

    SupplierResource(SupplierService suppliers, SecurityIdentity identity, JsonWebToken token, UriInfo uri,
            Created created) {
        this.suppliers = suppliers;
        this.identity = identity;
        this.token = token;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier registerSupplier(SupplierRegistration registration) {
        var supplier = suppliers.register(registration.getLegalName(), registration.getPostcode(), token.getSubject());
        created.at(uri.getBaseUriBuilder().path("api/suppliers/{id}").build(supplier.id));
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public Supplier getSupplier(UUID id) {
        boolean staff = identity.hasRole("buyer") || identity.hasRole("leadership") || identity.hasRole("admin");
        return SupplierMapper.toApi(suppliers.get(id, token.getSubject(), staff));
    }
}
