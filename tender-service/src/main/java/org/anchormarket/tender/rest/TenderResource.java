package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.rest.EntityTags;
import org.anchormarket.contracts.tender.api.TendersApi;
import org.anchormarket.contracts.tender.model.Amendment;
import org.anchormarket.contracts.tender.model.AuditEntry;
import org.anchormarket.contracts.tender.model.Cancellation;
import org.anchormarket.contracts.tender.model.NewTender;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.contracts.tender.model.TenderPage;
import org.anchormarket.contracts.tender.model.TenderStatus;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.SupplierDirectory;
import org.anchormarket.tender.service.Tenders;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class TenderResource implements TendersApi {

    private final Tenders tenders;
    private final SupplierDirectory directory;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;
    private final EntityTags tags;

    TenderResource(Tenders tenders, SupplierDirectory directory, Callers callers, UriInfo uri, Created created,
            EntityTags tags) {
        this.tenders = tenders;
        this.directory = directory;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
        this.tags = tags;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender createTender(NewTender body) {
        var t = tenders.create(TenderMapper.toDraft(body), callers.current());
        created.at(uri.getBaseUriBuilder().path("api/tenders/{id}").build(t.id));
        tags.tag(t.version);
        return view(t);
    }

    @Override
    @PermitAll
    public TenderPage searchTenders(String q, String cpv, String anchor, TenderStatus status, Boolean reserved,
            BigDecimal minValue, BigDecimal maxValue, OffsetDateTime closingBefore, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        var result = tenders.search(new Tenders.Search(q, cpv, anchor, TenderMapper.toDomain(status), reserved,
                minValue, maxValue, closingBefore == null ? null : closingBefore.toInstant(), p, s), callers.current());
        var lots = tenders.lotsOf(result.items());
        var organisation = directory.organisationIfAny(callers.current());
        var now = tenders.now();
        return new TenderPage().page(p).size(s).total(result.total()).items(result.items().stream()
                .map(t -> TenderMapper.toApi(t, lots.getOrDefault(t.id, List.of()), java.util.Set.of(),
                        anchorName(t.anchorId), tenders.shortDeadline(t), now,
                        organisation.map(o -> t.reservation.refuses(o))))
                .toList());
    }

    @Override
    @PermitAll
    public Tender getTender(UUID id) {
        var t = tenders.get(id, callers.current());
        tags.tag(t.version);
        return view(t);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender publishTender(UUID id) {
        return view(tenders.publish(id, callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender cancelTender(UUID id, Cancellation body) {
        return view(tenders.cancel(id, body.getReason(), callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender amendTender(UUID id, Amendment body) {
        return view(tenders.amend(id, new Tenders.Amendment(body.getReason(),
                body.getClarificationDeadline() == null ? null : body.getClarificationDeadline().toInstant(),
                body.getSubmissionDeadline() == null ? null : body.getSubmissionDeadline().toInstant()), callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public List<AuditEntry> getTenderAudit(UUID id) {
        return tenders.audit(id, callers.current()).stream().map(TenderMapper::toApi).toList();
    }

    private Tender view(org.anchormarket.tender.domain.Tender t) {
        Optional<Optional<String>> refusal = callers.current().supplier()
                ? Optional.of(directory.organisationIfAny(callers.current()).map(o -> t.reservation.refuses(o))
                        .orElse(Optional.of("Register your organisation to take part")))
                : Optional.empty();
        return TenderMapper.toApi(t, tenders.lots(t.id), tenders.awardedLots(t.id), anchorName(t.anchorId),
                tenders.shortDeadline(t), tenders.now(), refusal);
    }

    private static String anchorName(String id) {
        Anchor a = Anchor.findById(id);
        return a == null ? null : a.name;
    }
}
