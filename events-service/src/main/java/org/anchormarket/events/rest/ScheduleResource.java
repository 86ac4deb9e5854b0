package org.anchormarket.events.rest;

import jakarta.annotation.security.RolesAllowed;
import org.anchormarket.chassis.security.Callers;
import org.anchormarket.contracts.events.api.ScheduleApi;
import org.anchormarket.events.mapping.ScheduleCalendar;
import org.anchormarket.events.service.EventSchedule;
import org.anchormarket.events.service.Schedules;

/** Thin: the spec (contracts/events) is the source of this API. */
public class ScheduleResource implements ScheduleApi {

    private final Schedules schedules;
    private final EventSchedule events;
    private final Callers callers;

    ScheduleResource(Schedules schedules, EventSchedule events, Callers callers) {
        this.schedules = schedules;
        this.events = events;
        this.callers = callers;
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public String getSchedule() {
        return ScheduleCalendar.of(schedules.of(callers.current()), events.now());
    }
}
