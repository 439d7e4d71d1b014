package io.ecsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every document in {@code corpus/invalid} is rejected, with a diagnostic that names the
 * problem SOURCES.md gives for it, at the JSON line where the problem is.
 */
class InvalidCorpusTest {
  private static final Path INVALID = RepoPaths.corpus().resolve("invalid");

  private static Importer.Result importing(String name) {
    Importer.Result result = Importer.importFiles(List.of(INVALID.resolve(name)));
    assertFalse(result.ok(), name + " was accepted");
    return result;
  }

  /** The error with this code whose message mentions {@code text}, at {@code line}. */
  private static Diagnostic error(Importer.Result result, String code, String text, int line) {
    List<Diagnostic> candidates = new ArrayList<>();
    for (Diagnostic d : result.diagnostics().sorted()) {
      if (d.isError() && d.code().equals(code) && d.message().contains(text)) {
        candidates.add(d);
      }
    }
    String all = new DiagnosticRenderer(false).render(result.diagnostics().sorted());
    assertFalse(candidates.isEmpty(), "no " + code + " mentioning `" + text + "` in:\n" + all);
    for (Diagnostic d : candidates) {
      if (d.span().line() == line) {
        return d;
      }
    }
    throw new AssertionError(code + " `" + text + "` not at line " + line + ":\n" + all);
  }

  @Test
  void everyInvalidDocumentHasATest() throws IOException {
    try (var files = Files.list(INVALID)) {
      assertEquals(10, files.filter(p -> p.toString().endsWith(".json")).count(),
          "a new invalid document needs its own test here");
    }
  }

  @Test
  void bugcrowdEnumAndTypeViolations() {
    Importer.Result r = importing("bugcrowd-enum-and-type-violations.json");
    error(r, "E0904", "`networkMode` (NetworkMode)", 91);
    error(r, "E0904", "`protocol` (TransportProtocol)", 71);
    error(r, "E0904", "`logDriver` (LogDriver)", 55);
    error(r, "E0904", "`name` (UlimitName)", 77);
    error(r, "E0904", "(DeviceCgroupPermission)", 44);
    error(r, "E0904", "(TaskDefinitionPlacementConstraintType)", 94);
    error(r, "E0904", "(Compatibility)", 96);
    error(r, "E0903", "`driverOpts` must be an object", 110);
    error(r, "E0903", "`labels` must be an object", 111);
  }

  @Test
  void fsxWindowsMountOfAnUndeclaredVolume() {
    Importer.Result r = importing("docs-fsx-windows-undefined-source-volume.json");
    Diagnostic d = error(r, "E1114", "mounts volume `fsx-windows-dir`", 17);
    assertTrue(d.message().contains("does not declare"), d.message());
    error(r, "E1114", "container `container2` mounts volume `fsx-windows-dir`", 38);
  }

  @Test
  void cliSkeletonWithEmptyRequiredStrings() {
    Importer.Result r = importing("docs-register-task-definition-cli-skeleton.json");
    error(r, "E1001", "family `` is empty", 2);
    error(r, "E1101", "has no name", 8);
    error(r, "E1102", "has no image", 9);
    error(r, "E1013", "has 4 types", 184);
    error(r, "E1103", "network mode `none`", 19);
    error(r, "E1010", "`pid_mode` is not supported for Windows", 232);
  }

  @Test
  void firelensPortMappingsWrittenAsAnObject() {
    Importer.Result r = importing("firelens-logstash-portmappings-object-miscased.json");
    Diagnostic d = error(r, "E0903", "`portMappings` must be a list", 20);
    assertTrue(d.message().contains("found an object"), d.message());
  }

  @Test
  void tomcatAwsvpcHostPortDifferentFromContainerPort() {
    Importer.Result r = importing("containers-tomcat-awsvpc-hostport-mismatch.json");
    Diagnostic d = error(r, "E1103", "the host port must equal the container port (8080)", 12);
    assertTrue(d.message().contains("awsvpc") && d.message().contains("80"), d.message());
  }

  @Test
  void wildflyNullUlimitsIsRejectedAsTheAwsCliDoes() {
    // The leniency edge case: JSON null is not "absent" to the AWS API (botocore rejects it), so neither here.
    Importer.Result r = importing("containers-wildfly-fargate-null-ulimits.json");
    Diagnostic d = error(r, "E0907", "`ulimits` is null", 25);
    assertTrue(d.message().contains("UlimitList"), d.message());
  }

  @Test
  void otelNetworkModeDefaultIsNotAnEnumValue() {
    Importer.Result r = importing("otel-networkmode-default.json");
    Diagnostic d = error(r, "E0904", "\"default\" is not a valid value for `networkMode`", 5);
    assertTrue(d.hint().contains("bridge, host, awsvpc, none"), d.hint());
  }

  @Test
  void buildkiteContainerDefinitionsWithoutFamily() {
    Importer.Result r = importing("buildkite-container-definitions-wrapped-no-family.json");
    error(r, "E0905", "RegisterTaskDefinition needs `family`", 1);
  }

  @Test
  void buildkiteDuplicateContainerNames() {
    Importer.Result r = importing("buildkite-duplicate-container-names.json");
    error(r, "E1101", "container `sample` is declared twice", 20);
  }

  @Test
  void ecspressoServiceWithOutputOnlyPlatformFamily() {
    Importer.Result r = importing("ecspresso-service-platformfamily-output-only.json");
    Diagnostic d = error(r, "E0906", "`platformFamily` is only returned by DescribeServices", 38);
    assertTrue(d.message().contains("CreateService does not take it"), d.message());
  }
}
