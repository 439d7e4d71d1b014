package io.ecsl.lsp;

import io.ecsl.modules.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which project a file belongs to, as {@code ecsl check DIR} would compile it: the directory of
 * its files is a project of its own, unless a directory above it (inside the workspace) imports
 * it, directly or through other modules; then the highest such directory is the project and the
 * file one of its modules.
 */
final class ProjectLocator {
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+\"([^\"$]+)\"");

  private ProjectLocator() {}

  /** The project directory for a file; {@code roots} are the workspace folders (may be empty). */
  static Path projectOf(Path file, List<Path> roots) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    Path root = null;
    for (Path r : roots) {
      if (dir.startsWith(r) && (root == null || r.getNameCount() > root.getNameCount())) {
        root = r;
      }
    }
    Path best = dir;
    if (root == null) {
      return best;
    }
    for (Path up = dir.getParent(); up != null && up.startsWith(root); up = up.getParent()) {
      if (imports(up, file)) {
        best = up;
      }
    }
    return best;
  }

  /** Whether the .ecs files of {@code project} import {@code file}, directly or through modules. */
  static boolean imports(Path project, Path file) {
    Path target = file.toAbsolutePath().normalize();
    Deque<Path> todo = new ArrayDeque<>(Sources.DISK.ecsFiles(project));
    Set<Path> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      Path f = todo.pop();
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        String path = m.group(1);
        if (path.startsWith("std/")) {
          continue;
        }
        Path resolved = f.getParent().resolve(path).normalize();
        if (!Files.exists(resolved) && Files.isRegularFile(Path.of(resolved + ".ecs"))) {
          resolved = Path.of(resolved + ".ecs");
        }
        List<Path> files = Files.isDirectory(resolved) ? Sources.DISK.ecsFiles(resolved) : List.of(resolved);
        for (Path imported : files) {
          if (imported.equals(target)) {
            return true;
          }
          if (seen.add(imported) && Files.isRegularFile(imported)) {
            todo.push(imported);
          }
        }
      }
    }
    return false;
  }
}
