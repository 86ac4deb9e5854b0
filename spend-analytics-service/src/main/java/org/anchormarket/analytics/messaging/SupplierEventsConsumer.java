package org.anchormarket.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.anchormarket.analytics.service.SupplierProjection;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads supplier-service's CloudEvents. Idempotent: the message id is recorded in the same transaction as the
 * projection's change, so a redelivered message counts once. A message it cannot read fails and goes to the
 * dead-letter topic (chassis default), never silently dropped.
 */
@ApplicationScoped
public class SupplierEventsConsumer {

    static final String CONSUMER = "spend-analytics.suppliers";
    private static final Logger LOG = Logger.getLogger(SupplierEventsConsumer.class);

    private final Inbox inbox;
    private final SupplierProjection projection;
    private final ObjectMapper json;

    SupplierEventsConsumer(Inbox inbox, SupplierProjection projection, ObjectMapper json) {
        this.inbox = inbox;
        this.projection = projection;
        this.json = json;
    }

    @Incoming(Topics.SUPPLIERS)
    @Blocking
    @Transactional
    public void onSupplierEvent(String data, IncomingCloudEventMetadata<String> event) throws JsonProcessingException {
        if (event == null) {
            throw new IllegalArgumentException("Not a CloudEvent: no ce_id/ce_type headers");
        }
        if (!inbox.firstDelivery(CONSUMER, event.getId())) {
            LOG.debugf("Already processed %s, skipped", event.getId());
            return;
        }
        switch (event.getType()) {
            case Topics.EventTypes.SUPPLIER_REGISTERED ->
                projection.registered(json.readValue(data, SupplierRegistered.class));
            case Topics.EventTypes.SUPPLIER_UPDATED ->
                projection.updated(json.readValue(data, SupplierUpdated.class));
            case Topics.EventTypes.SUPPLIER_ERASED ->
                projection.erased(json.readValue(data, SupplierErased.class));
            default -> LOG.debugf("Type %s is not used by spend analytics", event.getType());
        }
    }
}
