package io.ecsl.cli.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl lsp} as editors run it: a process speaking the protocol on its stdin and stdout.
 * And the rest of the CLI never loads it.
 */
class LspCommandTest {
  @TempDir
  Path dir;

  private static ProcessBuilder ecsl(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 4];
    command[0] = java;
    command[1] = "-cp";
    command[2] = System.getProperty("java.class.path");
    command[3] = "io.ecsl.cli.Main";
    System.arraycopy(args, 0, command, 4, args.length);
    return new ProcessBuilder(command);
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads messages until one contains {@code marker}; returns it. */
  private static String until(InputStream in, String marker) throws IOException {
    while (true) {
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new AssertionError("the server closed its output before `" + marker + "`");
        }
        header.write(b);
      }
      Matcher m = Pattern.compile("Content-Length: (\\d+)").matcher(header.toString(StandardCharsets.US_ASCII));
      assertTrue(m.find(), header.toString(StandardCharsets.US_ASCII));
      String body = new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
      if (body.contains(marker)) {
        return body;
      }
    }
  }

  @Test
  void theServerSpeaksTheProtocolOnStdioAndExitsZeroAfterShutdown() throws Exception {
    Path file = dir.resolve("main.ecs");
    Files.writeString(file, "cluster prod {}\nservice web in prdo { task = \"web:1\", desired = 1 }\n");
    Process p = ecsl("lsp", "--stdio").start();
    try {
      OutputStream in = p.getOutputStream();
      InputStream out = p.getInputStream();
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
          + dir.toUri() + "\",\"capabilities\":{}}}");
      String init = until(out, "\"id\":1");
      assertTrue(init.contains("\"completionProvider\"") && init.contains("\"name\":\"ecsl\""), init);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
      String text = Files.readString(file).replace("\n", "\\n").replace("\"", "\\\"");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
          + file.toUri() + "\",\"languageId\":\"ecsl\",\"version\":1,\"text\":\"" + text + "\"}}}");
      String published = until(out, "publishDiagnostics");
      assertTrue(published.contains("\"code\":\"E0201\"") && published.contains("did you mean `prod`?"), published);
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
      until(out, "\"id\":2");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
      in.close();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits after `exit`");
      assertEquals(0, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void otherCommandsNeverLoadTheLanguageServer() throws Exception {
    Process p = ecsl("--version").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), version);
    ProcessBuilder traced = ecsl("--version");
    traced.command().add(1, "-Xlog:class+load=info");
    Process t = traced.redirectErrorStream(true).start();
    t.getOutputStream().close();
    String loaded = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(t.waitFor(60, TimeUnit.SECONDS));
    assertTrue(loaded.contains("io.ecsl.cli.Main"), "the trace lists loaded classes");
    assertFalse(loaded.contains("org.eclipse.lsp4j"), "LSP4J loaded by `ecsl --version`");
    assertFalse(loaded.contains("io.ecsl.lsp."), "the language server loaded by `ecsl --version`");
  }
}
