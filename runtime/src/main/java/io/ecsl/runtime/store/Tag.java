package io.ecsl.runtime.store;

/** A resource tag. Each API renders it in its own shape ({@code key}/{@code value}, {@code Key}/{@code Value}, or a map). */
public record Tag(String key, String value) {}
