package io.ecsl.facts.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.facts.size.FargateTaskSizes.Os;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of ecs-semantics §2.1, row by row. */
class FargateTaskSizesTest {
  @Test
  void thereAre74PairsOnLinux() {
    int pairs = 0;
    for (long cpu : FargateTaskSizes.cpus()) {
      pairs += FargateTaskSizes.memories(cpu).size();
    }
    assertEquals(74, pairs);
    assertEquals(List.of(256L, 512L, 1024L, 2048L, 4096L, 8192L, 16384L), FargateTaskSizes.cpus());
  }

  @Test
  void eachRowHasItsMemories() {
    assertEquals(List.of(512L, 1024L, 2048L), FargateTaskSizes.memories(256));
    assertEquals(List.of(1024L, 2048L, 3072L, 4096L), FargateTaskSizes.memories(512));
    assertEquals(7, FargateTaskSizes.memories(1024).size());
    assertEquals(13, FargateTaskSizes.memories(2048).size());
    assertEquals(23, FargateTaskSizes.memories(4096).size());
    assertEquals(12, FargateTaskSizes.memories(8192).size());
    assertEquals(12, FargateTaskSizes.memories(16384).size());
    assertEquals(4096, FargateTaskSizes.row(8192).orElseThrow().step());
    assertEquals(8192, FargateTaskSizes.row(16384).orElseThrow().step());
    assertEquals(0, FargateTaskSizes.row(256).orElseThrow().step(), "512, 1024, 2048 is not evenly spaced");
    assertEquals(List.of(), FargateTaskSizes.memories(32768), "there is no 32 vCPU Fargate size");
  }

  @Test
  void quarterVcpuTakesNo1536() {
    // The runtime once accepted it (its own table stepped 512 MiB); ECS and cfn-lint do not.
    assertFalse(FargateTaskSizes.valid(256, 1536));
    assertTrue(FargateTaskSizes.valid(256, 512));
    assertTrue(FargateTaskSizes.valid(256, 2048));
  }

  @Test
  void offStepAndOutOfRangeValuesAreRejected() {
    assertFalse(FargateTaskSizes.valid(8192, 17408));
    assertFalse(FargateTaskSizes.valid(16384, 33792));
    assertFalse(FargateTaskSizes.valid(4096, 31744));
    assertFalse(FargateTaskSizes.valid(1024, 1024));
    assertFalse(FargateTaskSizes.valid(300, 1024));
    assertTrue(FargateTaskSizes.valid(16384, 122880));
  }

  @Test
  void windowsOffersOnlyOneTwoAndFourVcpu() {
    assertEquals(List.of(1024L, 2048L, 4096L), FargateTaskSizes.cpus(Os.WINDOWS));
    assertTrue(FargateTaskSizes.valid(1024, 2048, Os.WINDOWS));
    assertFalse(FargateTaskSizes.valid(256, 512, Os.WINDOWS));
    assertFalse(FargateTaskSizes.valid(8192, 16384, Os.WINDOWS));
    assertTrue(FargateTaskSizes.valid(8192, 16384, Os.LINUX));
    assertEquals(Os.WINDOWS, Os.of("WINDOWS_SERVER_2022_CORE"));
    assertEquals(Os.LINUX, Os.of("LINUX"));
    assertEquals(Os.LINUX, Os.of(null));
  }

  @Test
  void eightAndSixteenVcpuNeedPlatform140() {
    assertEquals("1.4.0", FargateTaskSizes.row(8192).orElseThrow().minimumPlatformVersion());
    assertEquals("1.4.0", FargateTaskSizes.row(16384).orElseThrow().minimumPlatformVersion());
    assertEquals("1.0.0", FargateTaskSizes.row(4096).orElseThrow().minimumPlatformVersion());
  }

  @Test
  void cpusForAMemoryListEveryRowThatTakesIt() {
    assertEquals(List.of(512L, 1024L, 2048L), FargateTaskSizes.cpusFor(4096));
    assertEquals(List.of(512L, 1024L), FargateTaskSizes.cpusFor(3072));
    assertEquals(List.of(), FargateTaskSizes.cpusFor(1536));
  }
}
