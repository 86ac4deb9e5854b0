package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.ContractAwarded;
import org.anchormarket.contracts.messages.TenderClosed;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Keeps what tenders tell of (anchor.tenders): each contract awarded (committed spend) and who bid, learnt when a
 * tender closes (TenderClosed names its bidders then; BidSubmitted, sent while bids are open, is not used). These are
 * events, not whole states, so each is applied once by its id and never skipped for its version: a message replayed
 * from the dead-letter topic after newer ones still counts.
 */
@ApplicationScoped
public class TenderOutcomes {

    static final String CONSUMER = "spend-analytics.tenders";
    private static final Logger LOG = Logger.getLogger(TenderOutcomes.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;

    TenderOutcomes(Inbox inbox, MessageReader reader, EntityManager em) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.CONTRACT_AWARDED -> awarded(reader.read(event, ContractAwarded.class));
            case Topics.EventTypes.TENDER_CLOSED -> closed(reader.read(event, TenderClosed.class));
            default -> LOG.debugf("Type %s is not used by spend analytics", event.type());
        }
    }

    private void awarded(ContractAwarded m) {
        em.createNativeQuery("""
                insert into awarded_contract (contract_id, tender_id, lot_id, anchor_id, supplier_id, value, cpv_codes,
                    reservation, contract_start, contract_end, awarded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (contract_id) do nothing""")
                .setParameter(1, m.getContractId()).setParameter(2, m.getTenderId()).setParameter(3, m.getLotId())
                .setParameter(4, m.getAnchorId()).setParameter(5, m.getSupplierId())
                .setParameter(6, new BigDecimal(m.getValue()))
                .setParameter(7, (m.getCpvCodes() == null ? List.<String>of() : m.getCpvCodes()).toArray(String[]::new))
                // A reservation this version does not know yet is kept unknown (null), never refused
                .setParameter(8, m.getReservation() == null || m.getReservation().name().startsWith("UNKNOWN_DEFAULT")
                        ? null : m.getReservation().toString())
                .setParameter(9, m.getContractStart()).setParameter(10, m.getContractEnd())
                .setParameter(11, m.getAwardedAt().toInstant()).executeUpdate();
    }

    private void closed(TenderClosed m) {
        if (m.getStatus() != TenderClosed.StatusEnum.CLOSED || m.getBidders() == null) {
            return; // a cancellation, or a message from before bidders were named
        }
        for (var bidder : m.getBidders()) {
            em.createNativeQuery("""
                    insert into tender_bidder (lot_id, supplier_id, tender_id, anchor_id, closed_at)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (lot_id, supplier_id) do nothing""")
                    .setParameter(1, bidder.getLotId()).setParameter(2, bidder.getSupplierId())
                    .setParameter(3, m.getTenderId()).setParameter(4, m.getAnchorId())
                    .setParameter(5, m.getClosedAt().toInstant()).executeUpdate();
        }
    }
}
