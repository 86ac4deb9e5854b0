package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.domain.Tender;

/** Publishing and reading tenders. */
@ApplicationScoped
public class TenderService {

    private final Clock clock = Clock.systemUTC();

    /** What a publisher asked for, already read from the API. */
    public record Draft(String title, String description, String anchor, String cpvCode, Instant closesAt,
            Tender.Reservation reservedFor) {
    }

    /**
     * Publishes for {@code publisherAnchor} (a buyer's own anchor, from its token) or, when that is null (an admin),
     * for the anchor the draft names.
     */
    @Transactional
    public Tender publish(Draft draft, String publisherAnchor, String publishedBy) {
        Instant now = clock.instant();
        String anchor = publisherAnchor != null ? publisherAnchor : draft.anchor();
        if (anchor == null) {
            throw DomainException.Invalid.field("anchor", "must name the publishing anchor institution");
        }
        if (publisherAnchor != null && draft.anchor() != null && !draft.anchor().equals(publisherAnchor)) {
            throw new DomainException.NotAllowed("A buyer publishes only for its own anchor (" + publisherAnchor + ")");
        }
        if (Anchor.findById(anchor) == null) {
            throw DomainException.Invalid.field("anchor", "is not an anchor institution of the borough: " + anchor);
        }
        if (!draft.closesAt().isAfter(now)) {
            throw DomainException.Invalid.field("closesAt", "must be in the future");
        }
        Tender tender = new Tender();
        tender.id = UUID.randomUUID();
        tender.anchorId = anchor;
        tender.title = draft.title().strip();
        tender.description = draft.description();
        tender.cpvCode = draft.cpvCode();
        tender.closesAt = draft.closesAt();
        tender.reservedFor = draft.reservedFor();
        tender.publishedBy = publishedBy;
        tender.publishedAt = now;
        tender.persist();
        return tender;
    }

    public List<Tender> open() {
        return Tender.openAt(clock.instant());
    }

    public Tender get(UUID id) {
        return Tender.<Tender>findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("Tender " + id));
    }
}
