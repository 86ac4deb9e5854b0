package org.anchormarket.tender.support;

import java.time.Duration;
import java.time.Instant;

/** Valid tender bodies to start from, with deadlines from the service's (test) clock. */
public final class TenderBodies {

    private TenderBodies() {
    }

    /** Questions for {@code clarification}, bids for {@code submission} from now. */
    public static String draft(String title, String reservation, String value, Duration clarification,
            Duration submission, String extra) {
        Instant now = TestClock.now();
        return """
                {"title": "%s", "description": "Refurbishing the community centre's kitchen and hall",
                 "cpvCodes": ["45210000"], "contractType": "WORKS", "procedure": "OPEN", "estimatedValue": %s,
                 "clarificationDeadline": "%s", "submissionDeadline": "%s",
                 "weights": {"price": 60, "quality": 30, "socialValue": 10}, "reservation": "%s"%s}"""
                .formatted(title, value, now.plus(clarification), now.plus(submission), reservation, extra);
    }

    public static String draft(String title) {
        return draft(title, "NONE", "50000", Duration.ofDays(10), Duration.ofDays(14), "");
    }
}
