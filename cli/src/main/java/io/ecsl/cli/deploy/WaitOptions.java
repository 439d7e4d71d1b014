package io.ecsl.cli.deploy;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How apply and destroy wait for services: shared by both commands. */
public final class WaitOptions {
  @Option(names = "--wait-timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for each service to reach a steady state or drain (default ${DEFAULT-VALUE}).")
  Duration waitTimeout;

  @Option(names = "--poll-interval", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
      hidden = true, description = "How often to poll while waiting.")
  Duration pollInterval;
}
