package org.anchormarket.chassis.testapp;

import jakarta.validation.constraints.NotNull;

/** The data of the test application's messages. */
public record TestData(@NotNull String key, @NotNull Long version, @NotNull String text) {

    public static final String TOPIC = "chassis.test";
    public static final String TYPE = "org.anchormarket.chassis.test.Changed";
}
