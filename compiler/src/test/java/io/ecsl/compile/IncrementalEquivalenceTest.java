package io.ecsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.DiagnosticJson;
import io.ecsl.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm compiler an editor uses must say exactly what a fresh compile says, whatever it keeps
 * between checks. A seeded sequence of random edits (numbers, strings, names, whole items deleted,
 * duplicated or broken, in the project's files and in a module it imports; `let`s, `var`s,
 * templates and mixins others use included) is checked incrementally, and after each edit the
 * diagnostics and the lowered requests are compared with those of {@link Compiler#compile} on the
 * same text saved to disk. Anything the incremental check reused that the edit invalidated shows up
 * as a difference, with the seed and the edits that led to it.
 */
class IncrementalEquivalenceTest {
  private static final String SHARED = """
      # the project's shared definitions: a var, lets, a mixin and a template others use
      var replicas: int = 2
      let registry = "registry.local/team"
      let small = { cpu = 256, memory = 512 MiB }

      template fargate_small() {
        cpu = 0.25 vcpu
        memory = 512 MiB
        network = awsvpc
        compatibilities = [FARGATE]
      }

      template svc(name: string, image: string, port: int, desired: int = replicas) {
        task t {
          family = name
          network = bridge
          cpu = small.cpu
          memory = small.memory
          container app {
            image = image
            cpu = 128
            memory = 256 MiB
            port = { container_port = port, host = 0, protocol = tcp }
            env { NAME = name }
          }
        }
        service s in main {
          service_name = name
          task = t
          desired = desired
          launch_type = EC2
          deployment { max = 200%, min_healthy = 100% }
        }
      }
      """;
  private static final String SERVICES = """
      import "./lib" as lib

      cluster main {}
      cluster edge { capacity_providers = [FARGATE] }

      svc("svc-00000", "${registry}/app0:1.0.0", 8000)
      svc("svc-00001", "${registry}/app1:1.1.0", 8001, 3)
      svc("svc-00002", lib.image, 8002)
      svc("svc-00003", "${registry}/app3:1.3.0", 8003, 1)

      task web {
        fargate_small()
        execution_role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
        container app {
          image = lib.image
          port http = 8080/tcp
          essential = true
        }
      }

      service web in edge {
        task = web
        desired = replicas
        launch_type = FARGATE
        network { subnets = ["subnet-0a1b2c3d4e5f60718"], security_groups = ["sg-0a1b2c3d4e5f60718"] }
      }
      """;
  private static final String LIB = """
      let image = "ghcr.io/acme/web:1.4.2"
      """;

  private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
  private static final Pattern STRING = Pattern.compile("\"[^\"\\n]*\"");
  private static final Pattern NAME = Pattern.compile("\\b(registry|small|replicas|fargate_small|svc|main|edge|web|image|lib)\\b");
  /** Words whose swap changes what another item's rules find (a task's network mode, where a service runs). */
  private static final Pattern WORD = Pattern.compile("\\b(awsvpc|bridge|host|FARGATE|EC2|tcp|udp)\\b");
  private static final String[] WORD_CHOICES = {"awsvpc", "bridge", "host", "FARGATE", "EC2", "tcp", "udp"};
  private static final Pattern TOP_LEVEL_ITEM = Pattern.compile("(?ms)^\\S.*?(?=^\\S|\\z)");

  @TempDir
  Path dir;

  /** How many compared checks had no errors (so rules ran and requests were compared), and how many had some. */
  private int clean;
  private int broken;

  @Test
  void randomEditsGiveTheDiagnosticsAndRequestsOfAFreshCompile() throws Exception {
    for (long seed = 1; seed <= 8; seed++) {
      checkSequence(seed, 25);
    }
    // the edits must reach both kinds of state, or the comparison proves little
    assertTrue(clean >= 30, "only " + clean + " checks without errors");
    assertTrue(broken >= 30, "only " + broken + " checks with errors");
  }

  @Test
  void aServiceIsCheckedAgainWhenOnlyItsTaskDefinitionChanged() throws Exception {
    Path project = Files.createDirectories(dir.resolve("cross"));
    Path services = project.resolve("services.ecs");
    Files.writeString(project.resolve("shared.ecs"), SHARED);
    Files.writeString(services, SERVICES);
    Files.createDirectories(project.resolve("lib"));
    Files.writeString(project.resolve("lib/image.ecs"), LIB);
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(project));
    Map<Path, String> buffers = new HashMap<>();
    compareWithFreshCompile(compiler, project, buffers, "before the edit");
    // service `web` (launch_type = FARGATE) is not edited; its task definition no longer runs on Fargate
    buffers.put(project.resolve("shared.ecs"), SHARED.replace("compatibilities = [FARGATE]", "compatibilities = [EC2]"));
    IncrementalCompiler.Analysis after = compiler.check(Map.copyOf(buffers));
    assertTrue(DiagnosticJson.render(after.diagnostics().sorted()).contains("service `web`"),
        "the unchanged service is checked against its changed task definition: " + after.diagnostics().sorted());
    compareWithFreshCompile(compiler, project, buffers, "after the task definition's edit");
  }

  private void checkSequence(long seed, int edits) throws Exception {
    Path project = Files.createDirectories(dir.resolve("seed" + seed));
    Map<Path, String> texts = new LinkedHashMap<>();
    texts.put(project.resolve("shared.ecs"), SHARED);
    texts.put(project.resolve("services.ecs"), SERVICES);
    texts.put(project.resolve("lib/image.ecs"), LIB);
    for (Map.Entry<Path, String> e : texts.entrySet()) {
      Files.createDirectories(e.getKey().getParent());
      Files.writeString(e.getKey(), e.getValue());
    }
    Map<Path, String> original = Map.copyOf(texts);
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(project));
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>(texts.keySet());
    List<String> history = new ArrayList<>();
    Map<Path, String> buffers = new HashMap<>();
    compareWithFreshCompile(compiler, project, buffers, "seed " + seed + ", before any edit");
    for (int i = 0; i < edits; i++) {
      Path file = files.get(random.nextInt(files.size()));
      String before = texts.get(file);
      // now and then an undo (back to the text before this file's latest edit) or a revert (to
      // the text it started with), so that checks without errors come back between the edits
      String undo = undo(file, before);
      int choice = random.nextInt(10);
      String after = choice < 3 ? original.get(file) : choice < 5 && undo != null ? undo : edit(before, random);
      previous.put(file, before);
      texts.put(file, after);
      buffers.put(file, after);
      history.add(project.relativize(file) + ": " + describe(before, after));
      compareWithFreshCompile(compiler, project, buffers, "seed " + seed + ", after edits:\n  " + String.join("\n  ", history));
      if (random.nextInt(4) == 0) {
        // a save: the file is read from the disk again, as when the editor closes it
        Files.writeString(file, after);
        buffers.remove(file);
      }
    }
    assertTrue(history.size() == edits);
  }

  /** Per file, its text before the latest edit. */
  private final Map<Path, String> previous = new HashMap<>();

  private String undo(Path file, String now) {
    String before = previous.get(file);
    return before == null || before.equals(now) ? null : before;
  }

  /** Checks the buffers incrementally, then the same text from the disk with a fresh compiler. */
  private void compareWithFreshCompile(IncrementalCompiler compiler, Path project, Map<Path, String> buffers, String what)
      throws Exception {
    IncrementalCompiler.Analysis incremental = compiler.check(Map.copyOf(buffers));
    Map<Path, String> onDisk = new HashMap<>();
    for (Map.Entry<Path, String> e : buffers.entrySet()) {
      onDisk.put(e.getKey(), Files.readString(e.getKey()));
      Files.writeString(e.getKey(), e.getValue());
    }
    Compiler.Result fresh;
    try {
      fresh = Compiler.compile(Compiler.Options.of(project));
    } finally {
      for (Map.Entry<Path, String> e : onDisk.entrySet()) {
        Files.writeString(e.getKey(), e.getValue());
      }
    }
    assertEquals(DiagnosticJson.render(fresh.diagnostics().sorted()),
        DiagnosticJson.render(incremental.diagnostics().sorted()), "diagnostics differ, " + what);
    if (fresh.diagnostics().hasErrors()) {
      broken++;
    } else {
      clean++;
      assertEquals(requests(fresh.model().resources()), requests(incremental.model().resources()),
          "lowered requests differ, " + what);
    }
  }

  private static String requests(List<Resource> resources) {
    StringBuilder out = new StringBuilder();
    for (Resource r : resources) {
      out.append(r.address()).append('\n');
      r.requests().forEach(req -> out.append("  ").append(req.operation()).append(' ').append(req.body()).append('\n'));
    }
    return out.toString();
  }

  /** One edit a person might make, somewhere in the text. */
  private static String edit(String text, Random random) {
    return switch (random.nextInt(10)) {
      case 0, 1 -> replaceOne(text, NUMBER, random, m -> String.valueOf(random.nextInt(5) == 0 ? 0 : random.nextInt(9000)));
      case 2 -> replaceOne(text, STRING, random, m -> random.nextBoolean() ? "\"svc-0000" + random.nextInt(4) + "\""
          : "\"ghcr.io/acme/app:" + random.nextInt(3) + "\"");
      case 3 -> replaceOne(text, NAME, random, m -> random.nextBoolean() ? m.group() + "x" : pick(NAME_CHOICES, random));
      case 4 -> replaceOne(text, TOP_LEVEL_ITEM, random, m -> ""); // an item deleted
      case 5 -> replaceOne(text, TOP_LEVEL_ITEM, random, m -> m.group() + m.group()); // an item duplicated
      case 6 -> {
        int at = random.nextInt(text.length() + 1); // a stray character: often a syntax error
        yield text.substring(0, at) + pick(new String[] {"{", "}", "\"", "=", "x", "\n"}, random) + text.substring(at);
      }
      case 8, 9 -> replaceOne(text, WORD, random, m -> pick(WORD_CHOICES, random));
      default -> replaceOne(text, TOP_LEVEL_ITEM, random, m -> m.group() + "\nsvc(\"svc-0009" + random.nextInt(3)
          + "\", \"${registry}/new:2.0.0\", " + (9000 + random.nextInt(3)) + ")\n"); // an item added
    };
  }

  private static final String[] NAME_CHOICES = {"registry", "small", "replicas", "fargate_small", "svc", "main", "edge", "web"};

  private static String pick(String[] choices, Random random) {
    return choices[random.nextInt(choices.length)];
  }

  private static String replaceOne(String text, Pattern pattern, Random random, java.util.function.Function<Matcher, String> with) {
    List<int[]> matches = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      matches.add(new int[] {m.start(), m.end()});
    }
    if (matches.isEmpty()) {
      return text + "\n";
    }
    int[] chosen = matches.get(random.nextInt(matches.size()));
    m = pattern.matcher(text);
    m.find(chosen[0]);
    return text.substring(0, chosen[0]) + with.apply(m) + text.substring(chosen[1]);
  }

  /** The edit as a person would describe it: what was there and what is there now. */
  private static String describe(String before, String after) {
    int prefix = 0;
    while (prefix < before.length() && prefix < after.length() && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < before.length() - prefix && suffix < after.length() - prefix
        && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    return "at " + prefix + ": " + quote(before.substring(prefix, before.length() - suffix)) + " -> "
        + quote(after.substring(prefix, after.length() - suffix));
  }

  private static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "`" + shown.replace("\n", "\\n") + "`";
  }
}
