package io.ecsl.modules;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /** The text of a file; throws {@link java.nio.charset.MalformedInputException} when it is not UTF-8. */
  default String read(Path file) throws IOException {
    return SourceFile.withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
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
