package io.ecsl.cli.deploy;

import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --target}, {@code --profile}, {@code --endpoint}: where plan, apply and destroy go. ({@code --region} is the compile option's.) */
public final class TargetOptions {
  @Option(names = "--target", paramLabel = "local|aws", defaultValue = "local",
      description = "local: the ecsl runtime on this machine (default); aws: the AWS APIs (standard credential and region chain).")
  io.ecsl.deploy.target.TargetOptions.Kind target;

  @Option(names = "--profile", paramLabel = "NAME", description = "A named profile from the AWS config files (aws target).")
  String profile;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Send API calls to URL instead (moto, a VPC endpoint, another runtime); default: AWS_ENDPOINT_URL if set.")
  URI endpoint;

  @Option(names = "--runtime-dir", paramLabel = "DIR",
      description = "local target: the runtime's data directory, where its endpoint and key are (default: $ECSL_RUNTIME_DIR or ~/.ecsl/runtime).")
  java.nio.file.Path runtimeDir;

  /** These options as typed on a command line (empty for the default target), to repeat in a hint. */
  String asFlags() {
    StringBuilder flags = new StringBuilder();
    if (target != io.ecsl.deploy.target.TargetOptions.Kind.local) {
      flags.append(" --target ").append(target);
    }
    if (profile != null) {
      flags.append(" --profile ").append(profile);
    }
    if (endpoint != null) {
      flags.append(" --endpoint ").append(endpoint);
    }
    if (runtimeDir != null) {
      flags.append(" --runtime-dir ").append(runtimeDir);
    }
    return flags.toString();
  }
}
