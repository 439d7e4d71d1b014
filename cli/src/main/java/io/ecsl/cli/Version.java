package io.ecsl.cli;

import picocli.CommandLine;

/** {@code ecsl --version}: the version baked into the jar's manifest at build time. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"ecsl " + (v == null ? "development build" : v)};
  }
}
