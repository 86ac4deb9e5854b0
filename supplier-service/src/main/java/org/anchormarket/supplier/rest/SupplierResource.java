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
import org.anchormarket.supplier.domain.SupplierDraft;
import org.anchormarket.supplier.service.SupplierImport;
import org.anchormarket.supplier.service.SupplierInvitations;
import org.anchormarket.contracts.supplier.model.Invitation;
import org.anchormarket.contracts.supplier.model.InvitationAcceptance;
import org.anchormarket.contracts.supplier.model.InvitationRequest;
import org.anchormarket.supplier.mapping.SupplierImportFile;
import org.anchormarket.supplier.service.SupplierEditing;
import org.anchormarket.supplier.service.SupplierErasure;
import org.anchormarket.supplier.service.SupplierHistory;
import org.anchormarket.supplier.service.SupplierLookup;
import org.anchormarket.supplier.service.SupplierRegistrations;
import org.anchormarket.supplier.service.SupplierVerification;
import org.anchormarket.contracts.supplier.model.ImportReport;
import org.anchormarket.contracts.supplier.model.ImportRowResult;
import org.anchormarket.contracts.supplier.model.ImportRowResultErrorsInner;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: maps in, calls the service, maps out. The spec (contracts/supplier) is the source of this API. */
public class SupplierResource implements SuppliersApi {

    private final SupplierRegistrations registration;
    private final SupplierLookup lookup;
    private final SupplierEditing editing;
    private final SupplierVerification verification;
    private final SupplierErasure erasure;
    private final SupplierHistory history;
    private final SupplierInvitations invitations;
    private final SupplierDirectory directory;
    private final SupplierImport imports;
    private final SupplierImportFile importFile;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UriInfo uri;
    private final Created created;
    private final EntityTags tags;
    private final ObjectMapper json;
    private final CurrentVertxRequest request;

    @SuppressWarnings("checkstyle:ParameterNumber") // one use case each; the resource only maps in and out
    SupplierResource(SupplierRegistrations registration, SupplierLookup lookup, SupplierEditing editing,
            SupplierVerification verification, SupplierErasure erasure, SupplierHistory history,
            SupplierInvitations invitations, SupplierDirectory directory, SupplierImport imports,
            SupplierImportFile importFile, SecurityIdentity identity, JsonWebToken token, UriInfo uri,
            Created created, EntityTags tags, ObjectMapper json, CurrentVertxRequest request) {
        this.registration = registration;
        this.lookup = lookup;
        this.editing = editing;
        this.verification = verification;
        this.erasure = erasure;
        this.history = history;
        this.invitations = invitations;
        this.directory = directory;
        this.imports = imports;
        this.importFile = importFile;
        this.identity = identity;
        this.token = token;
        this.uri = uri;
        this.created = created;
        this.tags = tags;
        this.json = json;
        this.request = request;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier registerSupplier(SupplierRegistration body) {
        boolean assisted = identity.hasRole("admin") && !identity.hasRole("supplier");
        SupplierDraft draft = SupplierMapper.overlay(SupplierDraft.EMPTY,
                json.convertValue(body, SupplierProfile.class));
        var supplier = assisted
                ? invitations.registerAssisted(draft, token.getSubject(), body.getInviteEmail())
                : registration.register(draft, token.getSubject(), true);
        created.at(uri.getBaseUriBuilder().path("api/suppliers/{id}").build(supplier.id));
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public SupplierPage searchSuppliers(String cpv, Locality locality, String town, String ward, SizeBand sizeBand,
            Boolean vcfse, Boolean verified, Boolean bidReady, String q, Integer page, Integer pageSize) {
        int p = page == null ? 0 : page;
        int size = pageSize == null ? 50 : pageSize;
        var result = directory.search(criteria(cpv, locality, town, ward, sizeBand, vcfse, verified, bidReady, q), p,
                size);
        List<Supplier> items = result.items().stream().map(SupplierMapper::toApi).toList();
        if (identity.hasRole("admin")) {
            var shared = registration.sharingNumbers(items.stream().map(Supplier::getId).toList());
            items.forEach(item -> item.setSharedNumber(shared.contains(item.getId())));
        }
        return new SupplierPage().items(items).page(p).pageSize(size).total(result.total());
    }

    @Override
    @RolesAllowed({ "buyer", "leadership", "admin" })
    public String exportSuppliers(String cpv, Locality locality, String town, String ward, SizeBand sizeBand,
            Boolean vcfse, Boolean verified, Boolean bidReady, String q) {
        String csv = SupplierCsv.export(
                directory.all(criteria(cpv, locality, town, ward, sizeBand, vcfse, verified, bidReady, q)));
        request.getCurrent().response().putHeader("Content-Disposition", "attachment; filename=\"suppliers.csv\"");
        return csv;
    }

    private static SupplierDirectory.Criteria criteria(String cpv, Locality locality, String town, String ward,
            SizeBand sizeBand, Boolean vcfse, Boolean verified, Boolean bidReady, String q) {
        return new SupplierDirectory.Criteria(cpv,
                locality == null ? null
                        : org.anchormarket.supplier.domain.classification.Locality.valueOf(locality.name()),
                town, ward,
                sizeBand == null ? null
                        : org.anchormarket.supplier.domain.classification.SizeBand.valueOf(sizeBand.name()),
                vcfse, verified, bidReady, q);
    }

    @Override
    @RolesAllowed("admin")
    public ImportReport importSuppliers(java.io.File body) {
        String csv;
        try {
            csv = org.anchormarket.supplier.mapping.CsvText.decode(java.nio.file.Files.readAllBytes(body.toPath()),
                    request.getCurrent().request().getHeader("Content-Type"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SupplierImport.Report report = imports.run(importFile.read(csv), token.getSubject());
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
        var mine = lookup.mine(token.getSubject());
        tags.tag(mine.version);
        return SupplierMapper.toApi(mine);
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public Supplier getSupplier(UUID id) {
        boolean staff = identity.hasRole("buyer") || identity.hasRole("leadership") || identity.hasRole("admin");
        var supplier = lookup.get(id, token.getSubject(), staff);
        tags.tag(supplier.version);
        Supplier api = SupplierMapper.toApi(supplier);
        if (identity.hasRole("admin")) {
            api.setSharedNumber(!registration.sharingNumbers(List.of(id)).isEmpty());
        }
        return api;
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
        Object verified = token.getClaim("email_verified");
        return SupplierMapper.toApi(invitations.accept(acceptance.getCode(), new SupplierInvitations.Invitee(
                token.getSubject(), token.getClaim("email"),
                Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)))));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier eraseSupplier(UUID id) {
        return SupplierMapper.toApi(erasure.erase(id, token.getSubject(), identity.hasRole("admin")));
    }

    @Override
    @RolesAllowed("admin")
    public Supplier verifySupplier(UUID id, VerificationDecision decision) {
        return SupplierMapper.toApi(verification.decide(id, SupplierStatus.valueOf(decision.getStatus().name()),
                decision.getReason(), decision.getVcfseConfirmed(), token.getSubject()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Supplier updateSupplier(UUID id, SupplierProfile profile, String ifMatch) {
        var supplier = editing.update(id, EntityTags.expectedVersion(ifMatch),
                current -> SupplierMapper.overlay(current, profile), token.getSubject(), identity.hasRole("admin"));
        tags.tag(supplier.version);
        return SupplierMapper.toApi(supplier);
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public List<SupplierChange> getSupplierHistory(UUID id) {
        return history.of(id, token.getSubject(), identity.hasRole("admin")).stream()
                .map(SupplierMapper::toApi).toList();
    }
}
