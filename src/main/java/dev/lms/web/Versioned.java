package dev.lms.web;

import java.util.UUID;

/** A response record for one row: its id names it in {@code Location}, its version is its {@code ETag}. */
public interface Versioned {

    UUID id();

    long version();
}
