package io.ecsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module table of docs/architecture.md is what the build says: one row per module of the
 * reactor, and in its "depends on" column exactly the project modules that module's pom.xml
 * depends on outside test scope. (The page once said the runtime depends on facts alone while its
 * pom pulled in the whole compiler for the AWS models.)
 */
class ModuleTableTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)/` \\|.*\\| ([^|]+) \\|$", Pattern.MULTILINE);
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void theArchitecturePageListsEachModuleWithItsDependencies() throws Exception {
    Path root = RepoPaths.root();
    Map<String, Set<String>> documented = documented(Files.readString(root.resolve("docs/architecture.md")));
    Map<String, String> directoryOfArtifact = new TreeMap<>();
    List<String> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    while (m.find()) {
      modules.add(m.group(1));
      directoryOfArtifact.put(artifactId(pom(root.resolve(m.group(1)))), m.group(1));
    }
    Map<String, Set<String>> built = new TreeMap<>();
    for (String module : modules) {
      Set<String> dependencies = new TreeSet<>();
      for (String artifact : projectDependencies(pom(root.resolve(module)))) {
        dependencies.add(directoryOfArtifact.getOrDefault(artifact, artifact));
      }
      built.put(module, dependencies);
    }
    assertEquals(built, documented, "docs/architecture.md, \"Modules (Maven)\": the \"depends on\" column must name the"
        + " project modules each pom.xml depends on (— for none)");
  }

  @Test
  void theTableIsReadAsWritten() {
    String page = "| module | what | depends on |\n|---|---|---|\n"
        + "| `grammar/` | The grammar | — |\n"
        + "| `third_party/picocli/` | picocli, unchanged | — |\n"
        + "| `deploy/` | Plan, apply (AWS SDK for Java v2) | compiler, facts |\n";
    assertEquals(Map.of("grammar", Set.of(), "third_party/picocli", Set.of(), "deploy", Set.of("compiler", "facts")),
        documented(page));
  }

  /** Module directory → the modules its row says it depends on. */
  static Map<String, Set<String>> documented(String page) {
    Map<String, Set<String>> out = new TreeMap<>();
    Matcher row = ROW.matcher(page);
    while (row.find()) {
      Set<String> dependencies = new TreeSet<>();
      for (String name : row.group(2).split(",")) {
        String dependency = name.strip().replace("`", "");
        if (!dependency.equals("—")) {
          dependencies.add(dependency.endsWith("/") ? dependency.substring(0, dependency.length() - 1) : dependency);
        }
      }
      out.put(row.group(1), dependencies);
    }
    return out;
  }

  private static Element pom(Path moduleDir) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(moduleDir.resolve("pom.xml").toFile())
        .getDocumentElement();
  }

  private static String artifactId(Element project) {
    return child(project, "artifactId");
  }

  /** The io.ecsl artifacts the module depends on, test scope left out. */
  private static List<String> projectDependencies(Element project) throws IOException {
    List<String> out = new ArrayList<>();
    for (Node section = project.getFirstChild(); section != null; section = section.getNextSibling()) {
      if (!(section instanceof Element e) || !e.getTagName().equals("dependencies")) {
        continue;
      }
      NodeList dependencies = e.getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        if ("io.ecsl".equals(child(dependency, "groupId")) && !"test".equals(child(dependency, "scope"))) {
          out.add(child(dependency, "artifactId"));
        }
      }
    }
    return out;
  }

  private static String child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }
}
