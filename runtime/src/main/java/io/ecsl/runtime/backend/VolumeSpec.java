package io.ecsl.runtime.backend;

import java.util.Map;

/** A named volume to create ({@code dockerVolumeConfiguration} or a task's scratch volume). */
public record VolumeSpec(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {}
