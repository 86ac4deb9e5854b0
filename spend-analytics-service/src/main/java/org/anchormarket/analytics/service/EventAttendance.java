package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.AttendanceRecorded;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Keeps who came to events (AttendanceRecorded on anchor.engagement) for the funnel's attended stage: a row per
 * registration and anchor at the event, as its attendance last stood by the time it was recorded. Each message is
 * applied once by its id; one recorded earlier than what is kept (a dead-letter replay of a no-show after the late
 * check-in that followed it) changes nothing.
 */
@ApplicationScoped
public class EventAttendance {

    static final String CONSUMER = "spend-analytics.engagement";
    private static final Logger LOG = Logger.getLogger(EventAttendance.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;

    EventAttendance(Inbox inbox, MessageReader reader, EntityManager em) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (Topics.EventTypes.ATTENDANCE_RECORDED.equals(event.type())) {
            recorded(reader.read(event, AttendanceRecorded.class));
        } else {
            LOG.debugf("Type %s is not used by spend analytics", event.type());
        }
    }

    private void recorded(AttendanceRecorded m) {
        Set<String> anchors = new LinkedHashSet<>();
        anchors.add(m.getAnchorId());
        if (m.getAnchors() != null) {
            anchors.addAll(m.getAnchors());
        }
        boolean attended = m.getAttendance() == AttendanceRecorded.AttendanceEnum.ATTENDED;
        for (String anchor : anchors) {
            em.createNativeQuery("""
                    insert into event_attendance (registration_id, anchor_id, event_id, supplier_id, event_kind,
                        attended, recorded_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    on conflict (registration_id, anchor_id) do update
                        set attended = excluded.attended, recorded_at = excluded.recorded_at
                        where event_attendance.recorded_at < excluded.recorded_at""")
                    .setParameter(1, m.getRegistrationId()).setParameter(2, anchor).setParameter(3, m.getEventId())
                    .setParameter(4, m.getSupplierId()).setParameter(5, m.getEventKind().toString())
                    .setParameter(6, attended).setParameter(7, m.getRecordedAt().toInstant()).executeUpdate();
        }
    }
}
