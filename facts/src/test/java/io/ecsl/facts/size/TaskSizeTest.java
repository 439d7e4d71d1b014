package io.ecsl.facts.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TaskSizeTest {
  @Test
  void cpuIsUnitsOrVcpusInAnyCaseWithOrWithoutSpaces() {
    assertEquals(OptionalLong.of(1024), TaskSize.cpuUnits("1024"));
    assertEquals(OptionalLong.of(1024), TaskSize.cpuUnits("1 vCPU"));
    assertEquals(OptionalLong.of(1024), TaskSize.cpuUnits("1vcpu"));
    assertEquals(OptionalLong.of(256), TaskSize.cpuUnits("0.25 vcpu"));
    assertEquals(OptionalLong.of(256), TaskSize.cpuUnits(".25 VCPU"));
    assertEquals(OptionalLong.of(16384), TaskSize.cpuUnits(" 16 vCPU "));
    assertEquals(OptionalLong.of(128), TaskSize.cpuUnits("0.125 vCPU"));
  }

  @Test
  void memoryIsMibOrGbInAnyCaseWithOrWithoutSpaces() {
    assertEquals(OptionalLong.of(2048), TaskSize.memoryMiB("2048"));
    assertEquals(OptionalLong.of(2048), TaskSize.memoryMiB("2 GB"));
    assertEquals(OptionalLong.of(2048), TaskSize.memoryMiB("2GB"));
    assertEquals(OptionalLong.of(512), TaskSize.memoryMiB("0.5 gb"));
    assertEquals(OptionalLong.of(512), TaskSize.memoryMiB(".5Gb"));
    assertEquals(OptionalLong.of(122880), TaskSize.memoryMiB("120 GB"));
  }

  @Test
  void formsEcsDoesNotDocumentAreNotSizes() {
    // The API reference and cfn-lint's E3047 know units, vCPU, MiB and GB only.
    for (String cpu : new String[] {"512 MiB", "1 GB", "2 vcpus", "1 cpu", "1.5", "-1", "", " ", "vcpu", "1 v cpu",
        "0.3 vcpu", "1e3", "1,024", "1024000000000000 vcpu", "9999999999999"}) {
      assertEquals(OptionalLong.empty(), TaskSize.cpuUnits(cpu), cpu);
    }
    for (String memory : new String[] {"512 MiB", "1 GiB", "512MB", "1 vcpu", "2.0001 GB", "-512", "", "GB", "2 G"}) {
      assertEquals(OptionalLong.empty(), TaskSize.memoryMiB(memory), memory);
    }
    assertTrue(TaskSize.cpuUnits(null).isEmpty());
    assertTrue(TaskSize.memoryMiB(null).isEmpty());
  }

  @Test
  void sizesAreWrittenBackTheWayPeopleReadThem() {
    assertEquals("0.25", TaskSize.vcpu(256));
    assertEquals("16", TaskSize.vcpu(16384));
    assertEquals("0.5", TaskSize.gib(512));
    assertEquals("512 CPU units (0.5 vCPU)", TaskSize.describeCpu(512));
    assertEquals("512 MiB", TaskSize.describeMemory(512));
    assertEquals("1536 MiB", TaskSize.describeMemory(1536));
    assertEquals("2 GiB", TaskSize.describeMemory(2048));
  }
}
