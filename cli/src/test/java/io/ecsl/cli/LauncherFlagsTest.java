package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JVM flags the {@code ecsl} launcher gives a batch command (what {@code ECSL_PRINT_JVM_FLAGS=1}
 * prints): the 64 MB young generation only where {@code ECSL_HEAP} leaves room for it, and a set
 * the JVM takes without a word, since anything it printed would land in the user's output.
 */
class LauncherFlagsTest {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static List<String> flags(String heap) throws Exception {
    Processes.Result r = Processes.run(List.of("bash", RepoPaths.root().resolve("ecsl").toString()),
        Map.of("ECSL_PRINT_JVM_FLAGS", "1", "ECSL_HEAP", heap, "JAVA_HOME", System.getProperty("java.home")), 60);
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stderr());
    return Arrays.asList(r.stdout().strip().split(" "));
  }

  @ParameterizedTest
  @CsvSource({"2g, true", "4096m, true", "256m, true", "268435456, true", "255m, false", "128m, false", "100000k, false"})
  void theYoungGenerationIsSetOnlyWhenTheHeapHasRoomForIt(String heap, boolean young) throws Exception {
    List<String> flags = flags(heap);
    assertTrue(flags.contains("-Xmx" + heap), flags.toString());
    assertEquals(young, flags.contains("-Xmn64m"), heap + ": " + flags);

    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(flags);
    command.add("-version");
    Processes.Result jvm = Processes.run(command, Map.of(), 60);
    assertEquals(0, jvm.exitCode(), jvm.stderr());
    assertFalse(jvm.stderr().toLowerCase(java.util.Locale.ROOT).contains("warning"), heap + ": " + jvm.stderr());
  }
}
