package io.ecsl.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The standard library: {@code .ecs} modules shipped as resources under {@code ecsl/std/}, listed
 * in {@code ecsl/std/modules.txt}.
 */
public final class Stdlib {
  private static final String ROOT = "ecsl/std/";

  private Stdlib() {}

  /** Module names such as {@code logging}, {@code fargate}. */
  public static List<String> modules() {
    String index = read("modules.txt");
    if (index == null) {
      return List.of();
    }
    return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** The source of {@code std/<name>}, or null if there is no such module. */
  public static String source(String name) {
    if (!name.matches("[a-z0-9_]+")) {
      return null;
    }
    return read(name + ".ecs");
  }

  private static String read(String resource) {
    try (InputStream in = Stdlib.class.getClassLoader().getResourceAsStream(ROOT + resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
