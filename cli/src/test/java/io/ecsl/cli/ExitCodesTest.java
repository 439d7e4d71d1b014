package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** A file-system refusal is the user's to fix, said in words; anything else is an internal error. */
class ExitCodesTest {
  @Test
  void fileSystemRefusalsAreDescribedInWords() {
    assertEquals("cannot use ro/main.ecs: permission denied; check the path and its permissions",
        ExitCodes.fileProblem(new AccessDeniedException("ro/main.ecs")));
    assertEquals("cannot use out/x.ecs: not a directory; check the path and its permissions",
        ExitCodes.fileProblem(new UncheckedIOException(new NotDirectoryException("out/x.ecs"))));
    assertEquals("cannot use gone.json: no such file or directory; check the path and its permissions",
        ExitCodes.fileProblem(new NoSuchFileException("gone.json")));
    assertNull(ExitCodes.fileProblem(new IllegalStateException("a bug")));
  }
}
