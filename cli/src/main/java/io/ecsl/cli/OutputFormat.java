package io.ecsl.cli;

/** {@code --format}: people read text, tools read JSON. */
public enum OutputFormat {
  text,
  json
}
