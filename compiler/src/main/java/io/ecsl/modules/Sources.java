package io.ecsl.modules;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the module loader gets its files from. The command line reads the disk and parses every
 * file; an editor's language server reads its open buffers first and re-parses only files whose
 * text changed since the last check.
 */
public interface Sources {
  /** The disk, parsed afresh each time: what every command does. */
  Sources DISK = new Sources() {};

  /** A file's text, shown as {@code displayName}; throws {@link SourceFiles.NotUtf8} when it is not UTF-8. */
  default SourceFile read(Path file, String displayName) throws IOException {
    return SourceFiles.read(file.toAbsolutePath(), displayName);
  }

  /** The {@code .ecs} files directly in a directory, sorted. */
  default List<Path> ecsFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ecs") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Parses a file (null after reporting a syntax error). */
  default SourceUnit parse(SourceFile file, Diagnostics diagnostics) {
    return Parser.parse(file, diagnostics);
  }
}
