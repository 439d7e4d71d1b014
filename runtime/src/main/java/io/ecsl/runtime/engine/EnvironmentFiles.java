package io.ecsl.runtime.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .env} files of a container's {@code environmentFiles}, read as the ECS agent reads
 * them: one {@code VARIABLE=VALUE} per line, lines starting with {@code #} and blank lines ignored,
 * the value taken as is (no quote or escape processing). The runtime reads their content from its
 * secret store, which stands in for S3 (EMU: {@code ecsl runtime secret put 'arn:aws:s3:::bucket/app.env' < app.env}).
 * A variable in a later file replaces the same variable of an earlier one (EMU: ECS says only that
 * files are processed from the top down).
 */
public final class EnvironmentFiles {
  private EnvironmentFiles() {}

  public static Map<String, String> parse(String content) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : content.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue; // the agent skips lines that are not VARIABLE=VALUE
      }
      out.put(line.substring(0, eq).strip(), raw.substring(raw.indexOf('=') + 1));
    }
    return out;
  }
}
