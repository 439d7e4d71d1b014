// Latency of the language server as an editor sees it: `ecsl lsp` in its own process, spoken to
// over stdin/stdout (LSP4J's client), on the compile benchmark's workload of N services in one file.
//   usage: java -cp cli/target/ecsl.jar bench/lsp/LspBench.java N EDITS COMPLETIONS WORKDIR -- SERVER_COMMAND...
// (bench/lsp/run.sh sets it up). For each edit it times didChange → the publishDiagnostics of that
// version; for each completion, the request → its answer. Warm-up rounds come first and are not
// counted: an editor's server runs for hours, so the steady state is what a person feels.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

public class LspBench {
  static final ConcurrentHashMap<Integer, CompletableFuture<Long>> published = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int edits = Integer.parseInt(args[1]);
    int completions = Integer.parseInt(args[2]);
    Path work = Path.of(args[3]);
    List<String> command = Arrays.asList(args).subList(5, args.length);
    Path file = work.resolve("main.ecs");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    LanguageClient client = new LanguageClient() {
      public void telemetryEvent(Object o) {}
      public void publishDiagnostics(PublishDiagnosticsParams d) {
        if (d.getVersion() != null) {
          published.computeIfAbsent(d.getVersion(), v -> new CompletableFuture<>()).complete(System.nanoTime());
        }
      }
      public void showMessage(MessageParams m) {}
      public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) { return CompletableFuture.completedFuture(null); }
      public void logMessage(MessageParams m) { System.err.println("server: " + m.getMessage()); }
    };
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(work.toUri().toString(), "bench")));
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    String uri = file.toUri().toString();
    long t0 = System.nanoTime();
    int version = 1;
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ecsl", version, text)));
    waitFor(version);
    System.out.printf("N=%d: first check after open %.0f ms (cold JVM)%n", n, (System.nanoTime() - t0) / 1e6);

    // An edit a person makes: a service's desired count (the call's last argument), 2 → 3 and
    // back, in the middle of the file.
    String marker = ", 2)\n";
    int at = text.indexOf(marker, text.length() / 2);
    if (at < 0) {
      at = text.indexOf(marker);
    }
    Document doc = new Document(text);
    Position digit = doc.position(at + 2);
    // Enough edits first for the JIT to have compiled the check (a person's first minutes of typing).
    int warm = Integer.getInteger("warmup", n <= 1000 ? 60 : 8);
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < warm + edits; i++) {
      String replacement = i % 2 == 0 ? "3" : "2";
      version++;
      long cpuBefore = cpuMillis(p);
      long start = System.nanoTime();
      server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
          List.of(new TextDocumentContentChangeEvent(new Range(digit, new Position(digit.getLine(), digit.getCharacter() + 1)), replacement))));
      long end = waitFor(version);
      if (i >= warm) {
        times.add((end - start) / 1e6);
        cpu.add((double) (cpuMillis(p) - cpuBefore));
      }
    }
    report("diagnostics after an edit", times);
    report("  server CPU time per edit (all threads)", cpu);

    // Completion of an attribute inside a container block, and of a value, on the current text.
    int block = text.indexOf("      essential = true\n") + "      essential = true\n".length();
    Position inContainer = doc.position(block);
    List<Double> comp = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < Math.max(5, completions / 2) + completions; i++) {
      long start = System.nanoTime();
      var result = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), inContainer))
          .get(60, TimeUnit.SECONDS);
      long end = System.nanoTime();
      size = result.getRight().getItems().size();
      if (i >= Math.max(5, completions / 2)) {
        comp.add((end - start) / 1e6);
      }
    }
    report("completion in a container block (" + size + " items)", comp);

    server.shutdown().get(60, TimeUnit.SECONDS);
    server.exit();
    p.waitFor(30, TimeUnit.SECONDS);
    p.destroyForcibly();
  }

  /**
   * The server process's CPU time so far (user + system, all threads, from /proc): unlike wall
   * time, it hardly changes when other programs compete for the cores.
   */
  static long cpuMillis(Process p) {
    try {
      String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
    } catch (Exception e) {
      return 0;
    }
  }

  static long waitFor(int version) throws Exception {
    return published.computeIfAbsent(version, v -> new CompletableFuture<>()).get(600, TimeUnit.SECONDS);
  }

  static void report(String what, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    System.out.printf("  %-45s median %7.1f ms   p90 %7.1f ms   min %7.1f   max %7.1f   (%d runs)%n", what,
        s.get(s.size() / 2), s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.9) - 1)), s.get(0),
        s.get(s.size() - 1), s.size());
  }

  /** Positions in the benchmark's text (UTF-16 columns, as the protocol counts). */
  record Document(String text) {
    Position position(int offset) {
      int line = 0;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return new Position(line, offset - lineStart);
    }
  }
}
