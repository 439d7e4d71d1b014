package io.ecsl.facts.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstanceTypesTest {
  @Test
  void commonTypesHaveTheirVcpusAndMemory() {
    assertEquals(new InstanceTypes.InstanceType("m5.large", 2, 8192, "x86_64"), InstanceTypes.find("m5.large")
        .orElseThrow());
    assertEquals(new InstanceTypes.InstanceType("c6i.2xlarge", 8, 16384, "x86_64"), InstanceTypes.find("c6i.2xlarge")
        .orElseThrow());
    assertEquals(new InstanceTypes.InstanceType("r6g.medium", 1, 8192, "arm64"), InstanceTypes.find("r6g.medium")
        .orElseThrow());
    assertEquals(new InstanceTypes.InstanceType("t3.micro", 2, 1024, "x86_64"), InstanceTypes.find("t3.micro")
        .orElseThrow());
    assertEquals(1, InstanceTypes.find("t2.micro").orElseThrow().vcpus());
    assertEquals(2048, InstanceTypes.find("m5.large").orElseThrow().cpuUnits());
  }

  @Test
  void unknownTypesAreNotGuessed() {
    assertTrue(InstanceTypes.find("m5.medium").isEmpty(), "only Graviton families have medium");
    assertTrue(InstanceTypes.find("x9.large").isEmpty());
    assertTrue(InstanceTypes.find("m5").isEmpty());
    assertTrue(InstanceTypes.find(null).isEmpty());
  }
}
