package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.TrainingCompleted;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Procurement training an organisation's people completed (TrainingCompleted on anchor.engagement): with any, the
 * organisation is bid-ready on its profile and in the directory. A completion is a fact, kept once per registration
 * whatever the order or the number of deliveries; the directory's cached pages are dropped when one is recorded.
 */
@ApplicationScoped
public class ProcurementTraining {

    static final String CONSUMER = "supplier-service.engagement";
    private static final Logger LOG = Logger.getLogger(ProcurementTraining.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;
    private final Event<SupplierDirectory.Shown> shown;

    ProcurementTraining(Inbox inbox, MessageReader reader, EntityManager em, Event<SupplierDirectory.Shown> shown) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
        this.shown = shown;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (!Topics.EventTypes.TRAINING_COMPLETED.equals(event.type())) {
            LOG.debugf("Type %s is not used by supplier-service", event.type());
            return;
        }
        TrainingCompleted m = reader.read(event, TrainingCompleted.class);
        String title = m.getTitle() == null ? "" : m.getTitle();
        int added = em.createNativeQuery("""
                insert into supplier_training (registration_id, supplier_id, event_id, title, completed_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (registration_id) do nothing""")
                .setParameter(1, m.getRegistrationId()).setParameter(2, m.getSupplierId())
                .setParameter(3, m.getEventId())
                .setParameter(4, title.length() > 300 ? title.substring(0, 300) : title)
                .setParameter(5, m.getCompletedAt().toInstant()).executeUpdate();
        if (added > 0) {
            shown.fire(new SupplierDirectory.Shown());
        }
    }
}
