package io.ecsl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.home.RuntimeHome;
import io.ecsl.runtime.server.RuntimeMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's client face and its server are separate: the CLI and the apply engine use the
 * client (`io.ecsl.runtime.client`), the runtime process runs the server
 * (`io.ecsl.runtime.server`), and what both must agree on lives in `io.ecsl.runtime.home`. Neither
 * side imports the other, and no package imports back up into the root package.
 */
class PackageBoundariesTest {
  private static final Path MAIN = Path.of("src/main/java/io/ecsl/runtime");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.ecsl\\.runtime\\.([a-z]+)\\.", Pattern.MULTILINE);
  private static final Pattern ROOT_IMPORT = Pattern.compile("^import (?:static )?io\\.ecsl\\.runtime\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void clientAndServerDoNotImportEachOther() throws IOException {
    assertEquals(List.of(), importsOf("client", "server"), "client classes importing the server");
    assertEquals(List.of(), importsOf("server", "client"), "server classes importing the client face");
    assertEquals(List.of(), importsOf("home", "client"), "home importing the client face");
    assertEquals(List.of(), importsOf("home", "server"), "home importing the server");
  }

  @Test
  void nothingLivesInOrImportsTheRootPackage() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (file.getParent().equals(MAIN) || ROOT_IMPORT.matcher(Files.readString(file)).find()) {
          offenders.add(MAIN.relativize(file).toString());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theLauncherStartsTheServersMainClass() {
    assertEquals(RuntimeMain.class.getName(), RuntimeHome.MAIN_CLASS);
  }

  private static List<String> importsOf(String from, String to) throws IOException {
    Path dir = MAIN.resolve(from);
    assertTrue(Files.isDirectory(dir), dir + " exists");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          if (imports.group(1).equals(to)) {
            offenders.add(MAIN.relativize(file) + " imports io.ecsl.runtime." + to);
          }
        }
      }
    }
    return offenders;
  }
}
