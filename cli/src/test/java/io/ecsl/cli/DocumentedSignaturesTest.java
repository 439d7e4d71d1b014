package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture and runtime pages name ecsl's entry points and pure decisions with their
 * inputs ({@code ServiceScheduler.plan(service, tasks, now, ids)}); a reader takes those as the
 * truth about the code. Every such call the pages write, on a class of this repository, must name
 * a method that exists with that many parameters. (The CLI's tests see every module's classes.)
 */
class DocumentedSignaturesTest {
  private static final List<String> PAGES = List.of("docs/architecture.md", "docs/runtime-model.md", "docs/development.md");
  /** {@code Class.method(a, b)}; arguments without nested parentheses. */
  private static final Pattern CALL = Pattern.compile("\\b([A-Z][A-Za-z0-9]+)\\.([a-z][A-Za-z0-9]*)\\(([^()]*)\\)");

  @Test
  void everyCallThePagesWriteMatchesAMethod() throws IOException, ClassNotFoundException {
    Map<String, List<String>> classes = repositoryClasses();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String page : PAGES) {
      List<String> lines = Files.readAllLines(RepoPaths.root().resolve(page));
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = CALL.matcher(lines.get(i));
        while (m.find()) {
          List<String> names = classes.getOrDefault(m.group(1), List.of());
          if (names.size() != 1) {
            continue; // a class of a library (EcsClient, Region), or a name two modules use
          }
          int arity = m.group(3).isBlank() ? 0 : m.group(3).split(",").length;
          checked++;
          if (!hasMethod(Class.forName(names.get(0)), m.group(2), arity)) {
            wrong.add(page + ":" + (i + 1) + ": " + m.group() + " — " + names.get(0) + " has no method " + m.group(2)
                + " with " + arity + " parameter(s)");
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "the docs name calls the code does not have; correct the page (or the code)");
    assertTrue(checked >= 10, "only " + checked + " documented calls were checked: did the pattern stop matching?");
  }

  @Test
  void aCallWithTheWrongInputsIsFound() throws ClassNotFoundException {
    Class<?> scheduler = Class.forName("io.ecsl.runtime.scheduler.ServiceScheduler");
    assertTrue(hasMethod(scheduler, "plan", 4));
    assertTrue(!hasMethod(scheduler, "plan", 3), "the inputs the runtime page once gave (service, tasks, now)");
  }

  private static boolean hasMethod(Class<?> type, String name, int arity) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(name) && method.getParameterCount() == arity) {
          return true;
        }
      }
    }
    return false;
  }

  /** Simple class name → fully qualified names, for every class under a module's src/main/java. */
  private static Map<String, List<String>> repositoryClasses() throws IOException {
    Map<String, List<String>> out = new HashMap<>();
    List<Path> sources;
    try (Stream<Path> modules = Files.list(RepoPaths.root())) {
      sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }
    for (Path source : sources) {
      try (Stream<Path> files = Files.walk(source)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String relative = source.relativize(f).toString();
          String fqn = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
          out.computeIfAbsent(f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(fqn);
        }
      }
    }
    return out;
  }
}
