package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hover over the protocol: API documentation, types and units, values, what declarations lower to. */
class HoverTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  private static String hover(LspClient client, String uri, String marker, int shift) {
    Position at = client.find(uri, marker, shift);
    Hover h = LspClient.get(client.server().getTextDocumentService().hover(new HoverParams(client.id(uri), at)));
    return h == null ? null : h.getContents().getRight().getValue();
  }

  @Test
  void anAttributeShowsTheApiDocumentationItsTypeUnitAndRequestValue() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      String text = hover(client, uri, "memory = 512 MiB", 2);
      assertTrue(text.startsWith("**memory**: memory (the API counts MiB)"), text);
      assertTrue(text.contains("The amount (in MiB) of memory to present to the container"), text);
      assertTrue(text.contains("`/containerDefinitions/0/memory` = `512`"), text);
    }
  }

  @Test
  void aDeclarationShowsTheRequestItLowersTo() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      String text = hover(client, uri, "task api", 6);
      assertTrue(text.contains("`ecs RegisterTaskDefinition`"), text);
      assertTrue(text.contains("\"family\" : \"api\""), text);
      assertTrue(text.contains("\"memory\" : \"1024\""), text);
      String service = hover(client, uri, "task = api", 8);
      assertTrue(service.contains("task definition api"), "the service's `task` names the task definition: " + service);
    }
  }

  @Test
  void aNameShowsItsDefinitionDocumentationAndValue() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      String let = hover(client, uri, "desired = replicas", 12);
      assertTrue(let.contains("let replicas = 2") && let.contains("How many copies of the API run.") && let.contains("Value: `2`"),
          let);
      String template = hover(client, uri, "fargate.size", 10);
      assertTrue(template.contains("template size(cpu: cpu = 0.25 vcpu, memory: memory = 512 MiB, arch = X86_64)"), template);
      assertTrue(template.contains("The settings every Fargate task definition needs"), template);
      String builtin = hover(client, uri, "task api", 0);
      assertTrue(builtin.contains("declares a task definition") && builtin.contains("Registers a new task definition"), builtin);
    }
  }

  @Test
  void anExpressionShowsItsValueAndAQuantityTheApiNumber() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      String quantity = hover(client, uri, "memory = 1 GiB", 10);
      assertTrue(quantity.contains("1 GiB") && quantity.contains("1024"), quantity);
      String interpolated = hover(client, uri, "\"shop-${env}\"", 1);
      assertTrue(interpolated.contains("\"shop-staging\""), interpolated);
      assertNull(hover(client, uri, "\n\ncluster prod", 1), "nothing to say about a blank line");
    }
  }
}
