package org.anchormarket.gateway.web;

/** One option of a {@code {#select}} that is not an enum: the value sent ({@code name}) and the words shown. */
public record Choice(String name, String label) {
}
