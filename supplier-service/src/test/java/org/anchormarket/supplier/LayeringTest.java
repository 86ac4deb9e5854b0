package org.anchormarket.supplier;

import org.anchormarket.testing.Layering;
import org.junit.jupiter.api.Test;

/** The service keeps the layout every service shares (test-infrastructure's Layering says which). */
class LayeringTest {

    @Test
    void shouldKeepTheLayersAndLeaveTheApiToTheEdge() {
        Layering.check("org.anchormarket.supplier", "org.anchormarket.contracts.supplier");
    }
}
