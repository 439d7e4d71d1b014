package io.ecsl.runtime.model;

import java.time.Instant;

/** One entry of a service's event log ({@code ServiceEvent} in the ECS model). */
public record ServiceEvent(String id, Instant createdAt, String message) {}
