package io.ecsl.runtime.backend;

import java.time.Instant;

/**
 * One reading of a running container's resource use, as {@code docker stats} reads it: the CPU time
 * it has used since it started (so two readings give a rate) and the memory it uses now, page cache
 * that the kernel can drop left out (what {@code docker stats} shows as MEM USAGE).
 */
public record ContainerStats(long cpuNanos, long memoryBytes, long memoryLimitBytes, Instant readAt) {}
