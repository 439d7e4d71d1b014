package io.ecsl.cli;

import picocli.CommandLine;

/** {@code ecsl --version}: the version baked into the jar's manifest at build time. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {line()};
  }

  /** {@code ecsl 0.1.0}, or {@code ecsl development build} when not run from the jar. */
  static String line() {
    return Info.versionLine();
  }
}
