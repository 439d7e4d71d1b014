package io.ecsl.runtime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the botocore data directory of the AWS CLI on PATH (its interpreter's botocore). */
final class BotocoreData {
  private static Path cached;

  private BotocoreData() {}

  /**
   * The interpreter that runs the CLI: its shebang when that names Python directly
   * ({@code #!/path/python3} or {@code #!/usr/bin/env python3}), else {@code python3} on PATH
   * (pyenv shims are shell scripts that end up in that same interpreter).
   */
  private static String python(Path aws) throws IOException {
    String shebang = Files.readAllLines(aws).get(0);
    if (shebang.startsWith("#!")) {
      String[] words = shebang.substring(2).trim().split("\\s+");
      String last = words[words.length - 1];
      if (Path.of(last).getFileName().toString().startsWith("python")) {
        return last;
      }
    }
    return "python3";
  }

  static synchronized Path directory() {
    if (cached != null) {
      return cached;
    }
    Path aws = AwsCli.executable();
    try {
      Process process = new ProcessBuilder(python(aws), "-c",
          "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))")
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.waitFor() != 0 || !Files.isDirectory(Path.of(out))) {
        throw new AssertionError("cannot locate botocore for " + aws + ": " + out);
      }
      cached = Path.of(out);
      return cached;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + aws + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
