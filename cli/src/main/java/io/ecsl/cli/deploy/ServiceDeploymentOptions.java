package io.ecsl.cli.deploy;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which service deployment {@code ecsl deploy continue|stop} acts on, and where. */
public final class ServiceDeploymentOptions {
  @Parameters(index = "0", paramLabel = "SERVICE", arity = "0..1",
      description = "The service whose deployment is in progress (name or ARN).")
  String service;

  @Option(names = "--cluster", paramLabel = "NAME", description = "The service's cluster (default: whichever cluster has it).")
  String cluster;

  @Option(names = "--deployment", paramLabel = "ARN",
      description = "The service deployment's ARN (as ListServiceDeployments shows it), instead of SERVICE.")
  String deploymentArn;

  @Option(names = "--region", paramLabel = "REGION", description = "The AWS region (default: the standard chain; us-east-1 locally).")
  String region;
}
