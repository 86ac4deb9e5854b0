package org.anchormarket.events.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.security.Callers;
import org.anchormarket.contracts.events.api.RegistrationsApi;
import org.anchormarket.contracts.events.model.CheckIn;
import org.anchormarket.contracts.events.model.MyRegistration;
import org.anchormarket.contracts.events.model.Registration;
import org.anchormarket.contracts.events.model.RegistrationList;
import org.anchormarket.contracts.events.model.RegistrationRequest;
import org.anchormarket.events.domain.Registration.Attendee;
import org.anchormarket.events.mapping.EventMapper;
import org.anchormarket.events.service.EventSchedule;
import org.anchormarket.events.service.RegistrationQueue;
import org.anchormarket.events.service.Registrations;
import org.anchormarket.events.service.SupplierDirectory;

/** Thin: the spec (contracts/events) is the source of this API. */
public class RegistrationResource implements RegistrationsApi {

    private final Registrations registrations;
    private final RegistrationQueue queue;
    private final EventSchedule events;
    private final SupplierDirectory suppliers;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;

    RegistrationResource(Registrations registrations, RegistrationQueue queue, EventSchedule events, SupplierDirectory suppliers,
            Callers callers, UriInfo uri, Created created) {
        this.registrations = registrations;
        this.queue = queue;
        this.events = events;
        this.suppliers = suppliers;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Registration register(UUID id, RegistrationRequest request) {
        var caller = callers.current();
        var organisation = caller.admin() ? suppliers.named(request.getSupplierId(), "supplierId")
                : suppliers.organisationOf(caller);
        if (!caller.admin() && request.getSupplierId() != null
                && !request.getSupplierId().equals(organisation.supplierId)) {
            throw new org.anchormarket.chassis.domain.DomainException.NotAllowed(
                    "A supplier registers its own organisation only", "supplierId", "is not your organisation");
        }
        List<Attendee> attendees = request.getAttendees().stream()
                .map(a -> new Attendee(a.getName(), a.getEmail())).toList();
        var view = queue.register(id, caller, organisation, attendees);
        created.at(uri.getBaseUriBuilder().path("api/events/{id}/registrations/{registrationId}")
                .build(id, view.registration().id));
        return EventMapper.toApi(view);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public RegistrationList listRegistrations(UUID id) {
        var caller = callers.current();
        var views = registrations.ofEvent(id, caller);
        return new RegistrationList().eventId(id).title(events.get(id).event().title)
                .registrations(views.stream().map(EventMapper::toApi).toList());
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public Registration getRegistration(UUID id, UUID registrationId) {
        return EventMapper.toApi(registrations.get(id, registrationId, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public void cancelRegistration(UUID id, UUID registrationId) {
        registrations.cancel(id, registrationId, callers.current());
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Registration recordNoShow(UUID id, UUID registrationId) {
        return EventMapper.toApi(registrations.noShow(id, registrationId, callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Registration checkIn(UUID id, CheckIn checkIn) {
        return EventMapper.toApi(registrations.checkIn(id, checkIn.getCheckInCode(), callers.current()));
    }

    @Override
    @RolesAllowed("supplier")
    public List<MyRegistration> listMyRegistrations() {
        var organisation = suppliers.organisationOf(callers.current());
        var mine = registrations.ofSupplier(organisation.supplierId);
        var byId = new java.util.HashMap<UUID, EventSchedule.View>();
        events.views(events.byIds(mine.stream().map(r -> r.eventId).distinct().toList()))
                .forEach(v -> byId.put(v.event().id, v));
        var now = events.now();
        return mine.stream()
                .sorted(java.util.Comparator.comparing(r -> byId.get(r.eventId).event().startsAt))
                .map(r -> new MyRegistration().event(EventMapper.toApi(byId.get(r.eventId), now, null,
                        r.status == org.anchormarket.events.domain.Registration.Status.CONFIRMED))
                        .registration(EventMapper.toApi(registrations.view(r))))
                .toList();
    }
}
