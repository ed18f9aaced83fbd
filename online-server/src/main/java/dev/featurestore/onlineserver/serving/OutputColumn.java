package dev.featurestore.onlineserver.serving;

/**
 * One feature column of a response: feature {@code position} of selection {@code selection}.
 *
 * @param name the column's name as returned (plain or {@code <prefix>__<feature>})
 */
public record OutputColumn(String name, int selection, int position) {}
