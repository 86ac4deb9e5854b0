package org.anchormarket.supplier.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.rest.EntityTags;
import org.anchormarket.contracts.supplier.api.SuppliersApi;
import org.anchormarket.contracts.supplier.model.Locality;
import org.anchormarket.contracts.supplier.model.SizeBand;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.contracts.supplier.model.SupplierChange;
import org.anchormarket.contracts.supplier.model.SupplierPage;
import org.anchormarket.contracts.supplier.model.SupplierProfile;
import org.anchormarket.contracts.supplier.model.SupplierRegistration;
import org.anchormarket.contracts.supplier.model.VerificationDecision;
import org.anchormarket.supplier.domain.SupplierStatus;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import org.anchormarket.supplier.mapping.SupplierCsv;
import org.anchormarket.supplier.mapping.SupplierMapper;
import org.anchormarket.supplier.service.SupplierDirectory;
import org.anchormarket.supplier.service.SupplierDraft;
import org.anchormarket.supplier.service.SupplierImport;
import org.anchormarket.supplier.service.SupplierInvitations;
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.InvitationAcceptance;
import org.anchormarket.contracts.supplier.model.InvitationRequest;
import org.anchormarket.supplier.service.SupplierService;
import org.anchormarket.contracts.supplier.model.ImportReport;
import org.anchormarket.contracts.supplier.model.ImportRowResult;
import org.anchormarket.contracts.supplier.model.ImportRowResultErrorsInner;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: maps in, calls the service, maps out. The spec (contracts/supplier) is the source of this API. */
public class SupplierResource implements SuppliersApi {

    private final SupplierService suppliers;
    private final SupplierDirectory directory;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UriInfo uri;
    private final Created created;
    private final EntityTags tags;
    private final ObjectMapper json;
    private final CurrentVertxRequest request;
    private final SupplierImport imports;
    private final SupplierInvitations invitations;

    SupplierResource(SupplierService suppliers, SupplierDirectory directory, SecurityIdentity identity,
            JsonWebToken token, UriInfo uri, Created created, EntityTags tags, ObjectMapper json,
            CurrentVertxRequest request,
            SupplierImport imports, SupplierInvitations invitations) {
        this.invitations = invitations;
        this.imports = imports;
        this.json = json;
        this.request = request;
        this.suppliers = suppliers;
        this.directory = directory;
        this.identity = identity;
        this.token = token;
        this.uri = uri;
        this.created = created;
        this.tags = tags;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier registerSupplier(SupplierRegistration registration) {
        boolean assisted = identity.hasRole("admin") && !identity.hasRole("supplier");
        SupplierDraft draft = SupplierMapper.overlay(SupplierDraft.EMPTY,
                json.convertValue(registration, SupplierProfile.class));
        var supplier = assisted
                ? invitations.registerAssisted(draft, token.getSubject(), registration.getInviteEmail())
                : suppliers.register(draft, token.getSubject(), true);
        created.at(uri.getBaseUriBuilder().path("api/suppliers/{id}").build(supplier.id));
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public SupplierPage searchSuppliers(String cpv, Locality locality, String town, String ward, SizeBand sizeBand,
            Boolean vcfse, Boolean verified, String q, Integer page, Integer pageSize) {
        int p = page == null ? 0 : page;
        int size = pageSize == null ? 50 : pageSize;
        var result = directory.search(criteria(cpv, locality, town, ward, sizeBand, vcfse, verified, q), p, size);
        return new SupplierPage().items(result.items().stream().map(SupplierMapper::toApi).toList())
                .page(p).pageSize(size).total(result.total());
    }

    @Override
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public String exportSuppliers(String cpv, Locality locality, String town, String ward, SizeBand sizeBand,
            Boolean vcfse, Boolean verified, String q) {
        String csv = SupplierCsv.export(
                directory.all(criteria(cpv, locality, town, ward, sizeBand, vcfse, verified, q)));
        request.getCurrent().response().putHeader("Content-Disposition", "attachment; filename=\"suppliers.csv\"");
        return csv;
    }

    private static SupplierDirectory.Criteria criteria(String cpv, Locality locality, String town, String ward,
            SizeBand sizeBand, Boolean vcfse, Boolean verified, String q) {
        return new SupplierDirectory.Criteria(cpv,
                locality == null ? null
                        : org.anchormarket.supplier.domain.classification.Locality.valueOf(locality.name()),
                town, ward,
                sizeBand == null ? null
                        : org.anchormarket.supplier.domain.classification.SizeBand.valueOf(sizeBand.name()),
                vcfse, verified, q);
    }

    @Override
    @RolesAllowed("admin")
    public ImportReport importSuppliers(String body) {
        SupplierImport.Report report = imports.run(body, token.getSubject());
        return new ImportReport()
                .rows(report.results().size())
                .registered((int) report.count(SupplierImport.Outcome.REGISTERED))
                .alreadyRegistered((int) report.count(SupplierImport.Outcome.ALREADY_REGISTERED))
                .rejected((int) report.count(SupplierImport.Outcome.REJECTED))
                .results(report.results().stream().map(r -> new ImportRowResult()
                        .line((int) r.line())
                        .outcome(ImportRowResult.OutcomeEnum.fromValue(r.outcome().name()))
                        .supplierId(r.supplierId())
                        .legalName(r.legalName())
                        .errors(r.errors().isEmpty() ? null : r.errors().stream()
                                .map(e -> new ImportRowResultErrorsInner().field(e.field()).reason(e.reason()))
                                .toList()))
                        .toList());
    }

    @Override
    @RolesAllowed("supplier")
    public Supplier getMySupplier() {
        return SupplierMapper.toApi(suppliers.mine(token.getSubject()));
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public Supplier getSupplier(UUID id) {
        boolean staff = identity.hasRole("buyer") || identity.hasRole("leadership") || identity.hasRole("admin");
        var supplier = suppliers.get(id, token.getSubject(), staff);
        tags.tag(supplier.version);
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Invitation inviteMember(UUID id, InvitationRequest request) {
        var invitation = invitations.invite(id, request.getEmail(), token.getSubject(), identity.hasRole("admin"));
        created.at(uri.getBaseUriBuilder().path("api/suppliers/{id}/invitations").build(id));
        return SupplierMapper.toApi(invitation);
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public List<Invitation> listInvitations(UUID id) {
        return invitations.list(id, token.getSubject(), identity.hasRole("admin")).stream()
                .map(SupplierMapper::toApi).toList();
    }

    @Override
    @RolesAllowed("supplier")
    public Supplier acceptInvitation(InvitationAcceptance acceptance) {
        return SupplierMapper.toApi(invitations.accept(acceptance.getCode(), token.getSubject()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier eraseSupplier(UUID id) {
        return SupplierMapper.toApi(suppliers.erase(id, token.getSubject(), identity.hasRole("admin")));
    }

    @Override
    @RolesAllowed("admin")
    public Supplier verifySupplier(UUID id, VerificationDecision decision) {
        return SupplierMapper.toApi(suppliers.decide(id, SupplierStatus.valueOf(decision.getStatus().name()),
                decision.getReason(), decision.getVcfseConfirmed(), token.getSubject()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier updateSupplier(UUID id, SupplierProfile profile, String ifMatch) {
        var supplier = suppliers.update(id, EntityTags.expectedVersion(ifMatch),
                current -> SupplierMapper.overlay(current, profile), token.getSubject(), identity.hasRole("admin"));
        tags.tag(supplier.version);
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public List<SupplierChange> getSupplierHistory(UUID id) {
        return suppliers.history(id, token.getSubject(), identity.hasRole("admin")).stream()
                .map(change -> SupplierMapper.toApi(change, json)).toList();
    }
}
