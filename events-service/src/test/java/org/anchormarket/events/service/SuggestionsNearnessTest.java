package org.anchormarket.events.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How near two CPV codes are, by the levels of the CPV 2008 tree. */
class SuggestionsNearnessTest {

    @Test
    void shouldScoreTheSameCodeClassGroupAndDivisionDownToNothing() {
        assertEquals(4, Suggestions.nearness("45233222", "45233222-1"));
        assertEquals(4, Suggestions.nearness("45233222", "45233100")); // the same category (45233)
        assertEquals(3, Suggestions.nearness("45233222", "45231000")); // the same class (4523)
        assertEquals(2, Suggestions.nearness("45233222", "45210000")); // the same group (452)
        assertEquals(1, Suggestions.nearness("45233222", "45000000"));
        assertEquals(0, Suggestions.nearness("45233222", "55520000"));
        assertEquals(0, Suggestions.nearness("452", "45233222"));
        assertEquals(0, Suggestions.nearness(null, "45233222"));
    }
}
