package io.ecsl.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsl lsp}: the language server on stdin and stdout, for editors. The server's classes
 * (and LSP4J's) are only reached from {@link #call}, so no other command loads them.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = {"Run the language server (Language Server Protocol on stdin/stdout) for editors.",
        "Editors start it themselves: see README.md for VS Code, Neovim, Emacs and IntelliJ.",
        "Exit status: 0 after the editor shut it down, 1 when the connection ended without shutdown."})
final class LspCommand implements Callable<Integer> {
  @Option(names = "--stdio", description = "Speak the protocol on stdin/stdout (the default and only transport).")
  boolean stdio;

  @Override
  public Integer call() {
    // The protocol owns stdout: anything else printed there would corrupt a message.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    PrintStream previous = System.out;
    System.setOut(System.err);
    try {
      return io.ecsl.lsp.EcslLanguageServer.serve(System.in, protocol);
    } finally {
      System.setOut(previous);
    }
  }
}
