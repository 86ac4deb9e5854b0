package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.BidSubmitted;
import org.anchormarket.contracts.messages.ContractAwarded;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Keeps what tenders tell of (anchor.tenders): each contract awarded (committed spend) and who bid. These messages are
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
            case Topics.EventTypes.BID_SUBMITTED -> bid(reader.read(event, BidSubmitted.class));
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
                .setParameter(8, m.getReservation() == null ? null : m.getReservation().toString())
                .setParameter(9, m.getContractStart()).setParameter(10, m.getContractEnd())
                .setParameter(11, m.getAwardedAt().toInstant()).executeUpdate();
    }

    private void bid(BidSubmitted m) {
        em.createNativeQuery("""
                insert into tender_bidder (lot_id, supplier_id, tender_id, anchor_id, first_bid_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (lot_id, supplier_id) do update set first_bid_at = least(tender_bidder.first_bid_at,
                    excluded.first_bid_at), anchor_id = coalesce(tender_bidder.anchor_id, excluded.anchor_id)""")
                .setParameter(1, m.getLotId()).setParameter(2, m.getSupplierId()).setParameter(3, m.getTenderId())
                .setParameter(4, m.getAnchorId()).setParameter(5, m.getSubmittedAt().toInstant()).executeUpdate();
    }
}
