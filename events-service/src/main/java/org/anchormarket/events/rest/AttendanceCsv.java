package org.anchormarket.events.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.anchormarket.chassis.rest.CsvText;
import org.anchormarket.contracts.events.model.Attendee;
import org.anchormarket.contracts.events.model.Registration;
import org.anchormarket.contracts.events.model.RegistrationList;
import org.anchormarket.contracts.events.model.RegistrationStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The attendance list as CSV (RFC 4180, commons-csv) for {@code Accept: text/csv}: a row per person of every
 * registration not cancelled, confirmed first then the waitlist in order; times in UK time. Text a spreadsheet would
 * run as a formula is disarmed.
 */
@Provider
@Produces("text/csv")
public class AttendanceCsv implements MessageBodyWriter<RegistrationList> {

    static final String[] HEADER = { "Organisation", "Name", "Email", "Status", "Waitlist position", "Check-in code",
        "Attendance", "Checked in at", "Registered at" };
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/London"));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RegistrationList.class;
    }

    @Override
    public void writeTo(RegistrationList list, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        headers.putSingle("Content-Type", "text/csv; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"attendance-" + list.getEventId() + ".csv\"");
        OutputStreamWriter out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord((Object[]) HEADER);
            for (Registration r : list.getRegistrations()) {
                if (r.getStatus() == RegistrationStatus.CANCELLED) {
                    continue;
                }
                for (Attendee a : r.getAttendees()) {
                    csv.printRecord(CsvText.safe(r.getOrganisationName()), CsvText.safe(a.getName()),
                            CsvText.safe(a.getEmail()), r.getStatus(), r.getWaitlistPosition(), r.getCheckInCode(),
                            r.getAttendance(), uk(r.getCheckedInAt()), uk(r.getRegisteredAt()));
                }
            }
        }
    }

    private static String uk(OffsetDateTime at) {
        return at == null ? null : UK.format(at);
    }
}
