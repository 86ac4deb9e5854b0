package org.anchormarket.tender.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import org.anchormarket.contracts.tender.model.Reservation;
import org.anchormarket.contracts.tender.model.TenderDraft;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.service.TenderService;

/** API ↔ domain. */
public final class TenderMapper {

    private TenderMapper() {
    }

    public static TenderService.Draft toDraft(TenderDraft draft) {
        return new TenderService.Draft(draft.getTitle(), draft.getDescription(), draft.getAnchor(),
                draft.getCpvCode(), draft.getClosesAt().toInstant(),
                draft.getReservedFor() == null ? null : Tender.Reservation.valueOf(draft.getReservedFor().name()));
    }

    public static org.anchormarket.contracts.tender.model.Tender toApi(Tender tender, Instant now) {
        return new org.anchormarket.contracts.tender.model.Tender()
                .id(tender.id)
                .title(tender.title)
                .description(tender.description)
                .anchor(tender.anchorId)
                .cpvCode(tender.cpvCode)
                .closesAt(tender.closesAt.atOffset(ZoneOffset.UTC))
                .reservedFor(tender.reservedFor == null ? null : Reservation.fromValue(tender.reservedFor.name()))
                .status(tender.isOpen(now) ? org.anchormarket.contracts.tender.model.Tender.StatusEnum.OPEN
                        : org.anchormarket.contracts.tender.model.Tender.StatusEnum.CLOSED)
                .publishedAt(tender.publishedAt.atOffset(ZoneOffset.UTC));
    }
}
