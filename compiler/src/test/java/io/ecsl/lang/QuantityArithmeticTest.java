package io.ecsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.model.ResourceKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arithmetic and comparisons of quantities, on the path for whole amounts (longs) and on the
 * decimal one, give the same answers.
 */
class QuantityArithmeticTest {
  @TempDir Path dir;

  private JsonNode container(String memory, String envValue) {
    Compiler.Result r = TestProjects.compile(dir, """
        task web {
          container app { image = "nginx:1.27", memory = MEMORY, env { X = VALUE } }
        }
        """.replace("MEMORY", memory).replace("VALUE", envValue));
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    return r.model().find(ResourceKind.TASK_DEFINITION, null, "web").primary().body().path("containerDefinitions").get(0);
  }

  private String env(String value) {
    return container("256", value).path("environment").get(0).path("value").asText();
  }

  @Test
  void wholeAndFractionalAmountsAddMultiplyAndSubtract() {
    assertEquals(512, container("256 MiB * 2", "1").path("memory").asInt());
    assertEquals(512, container("2 * 256 MiB", "1").path("memory").asInt());
    assertEquals(1536, container("1 GiB + 512 MiB", "1").path("memory").asInt());
    assertEquals(256, container("1 GiB - 768 MiB", "1").path("memory").asInt());
    assertEquals(768, container("0.5 GiB + 256 MiB", "1").path("memory").asInt(), "the decimal path");
    assertEquals(384, container("256 MiB * 1.5", "1").path("memory").asInt(), "a decimal factor");
    assertEquals(1025, container("1 GiB + 1024 KiB", "1").path("memory").asInt(), "in the finer unit, then MiB");
  }

  @Test
  void comparisonsAcrossUnits() {
    assertEquals("true", env("1 GiB > 512 MiB"));
    assertEquals("true", env("1024 MiB == 1 GiB"));
    assertEquals("false", env("90s < 1m"));
    assertEquals("true", env("0.5 vcpu < 1 vcpu"));
    assertEquals("true", env("1.5 GiB >= 1536 MiB"));
  }

  @Test
  void integerDivisionByZeroIsAnError() {
    Compiler.Result r = TestProjects.compile(dir, """
        task web {
          container app { image = "nginx:1.27", memory = 256, env { X = 6 / 0 } }
        }
        """);
    assertTrue(TestProjects.render(r.diagnostics(), dir).contains("division by zero"), () -> TestProjects.render(r.diagnostics(), dir));
  }
}
