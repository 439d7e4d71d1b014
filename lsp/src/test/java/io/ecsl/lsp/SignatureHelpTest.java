package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature help for templates (by position and by name) and built-in functions. */
class SignatureHelpTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  private static SignatureHelp help(LspClient client, String uri, Position at) {
    return LspClient.get(client.server().getTextDocumentService().signatureHelp(new SignatureHelpParams(client.id(uri), at)));
  }

  @Test
  void aTemplateCallShowsItsParametersAndTheOneBeingWritten() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      SignatureHelp named = help(client, uri, client.find(uri, "memory = 1 GiB)", 9));
      assertEquals("template size(cpu: cpu = 0.25 vcpu, memory: memory = 512 MiB, arch = X86_64)",
          named.getSignatures().get(0).getLabel());
      assertEquals(1, named.getActiveParameter());
      assertTrue(named.getSignatures().get(0).getDocumentation().getRight().getValue().contains("every Fargate task"));
      Position end = client.find(uri, "cluster prod {}\n", 16);
      client.insert(uri, end, "let l = length(");
      SignatureHelp builtin = help(client, uri, new Position(end.getLine(), 15));
      assertEquals("length(list | object | string)", builtin.getSignatures().get(0).getLabel());
      client.insert(uri, new Position(end.getLine(), 15), "[1], ");
      SignatureHelp second = help(client, uri, new Position(end.getLine(), 20));
      assertEquals(1, second.getActiveParameter());
    }
  }
}
