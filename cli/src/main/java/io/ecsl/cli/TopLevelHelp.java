package io.ecsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code ecsl --help}: picocli's rendering of the whole command tree, kept as a resource
 * ({@value #RESOURCE}, in color) so that printing it builds no command tree. TopLevelHelpTest keeps
 * it equal to what picocli prints, with and without color, and rewrites it with
 * {@code -Decsl.golden.update=true} when a command's description changes.
 */
final class TopLevelHelp {
  static final String RESOURCE = "io/ecsl/cli/help.ansi.txt";

  private TopLevelHelp() {}

  static String text(boolean color) {
    String ansi = read();
    return color ? ansi : plain(ansi);
  }

  private static String read() {
    try (InputStream in = TopLevelHelp.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text without its ANSI styles ({@code ESC [ … m}), which is how picocli renders it without color. */
  static String plain(String ansi) {
    StringBuilder out = new StringBuilder(ansi.length());
    for (int i = 0; i < ansi.length(); i++) {
      char c = ansi.charAt(i);
      if (c == '\u001b' && i + 1 < ansi.length() && ansi.charAt(i + 1) == '[') {
        int end = ansi.indexOf('m', i);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
