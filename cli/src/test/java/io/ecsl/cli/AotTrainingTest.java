package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache's training run (what the launcher runs once per jar, its output discarded) really
 * builds every sample: a sample it failed on would leave that sample's classes out of the cache,
 * and nothing else would say so.
 */
class AotTrainingTest {
  @Test
  void theTrainingRunBuildsEverySampleAndChecksABrokenProject(@TempDir Path out) throws Exception {
    AotTraining.train(RepoPaths.samples(), out); // not main(): that would guard this test JVM's heap
    List<Path> samples;
    try (Stream<Path> dirs = Files.list(RepoPaths.samples())) {
      samples = dirs.filter(Files::isDirectory).toList();
    }
    assertTrue(samples.size() >= 10, samples.toString());
    for (Path sample : samples) {
      Path build = out.resolve(sample.getFileName().toString());
      assertTrue(Files.isRegularFile(build.resolve("manifest.json")), "no build of " + sample.getFileName());
    }
    assertTrue(Files.isRegularFile(out.resolve("aot-training-broken/main.ecs")));
    assertEquals(1, Main.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "check", out.resolve("aot-training-broken").toString()),
        "the training's broken project must fail its check");
  }
}
