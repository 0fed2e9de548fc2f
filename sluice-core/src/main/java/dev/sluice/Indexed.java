package dev.sluice;

/**
 * An element with its index in the run, from 0; made by {@link Pipe#zipWithIndex()}.
 *
 * @param index the element's position in the run, from 0
 * @param item the element
 * @param <T> the element type
 */
public record Indexed<T>(long index, T item) {}
