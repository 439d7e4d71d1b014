package io.ecsl.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tar archive holding one executable file: the root filesystem of the pause image. A
 * few lines of ustar are simpler than a dependency for this.
 */
final class SingleFileTar {
  private static final int BLOCK = 512;

  private SingleFileTar() {}

  static byte[] of(String name, byte[] content, int mode) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[BLOCK];
    put(header, 0, name, 100);
    put(header, 100, octal(mode, 7), 8);
    put(header, 108, octal(0, 7), 8);
    put(header, 116, octal(0, 7), 8);
    put(header, 124, octal(content.length, 11), 12);
    put(header, 136, octal(0, 11), 12);
    header[156] = '0';
    put(header, 257, "ustar", 6);
    put(header, 263, "00", 2);
    // The checksum is computed with its own field read as spaces.
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, octal(sum, 6) + "\0 ", 8);
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    out.writeBytes(new byte[2 * BLOCK]);
    return out.toByteArray();
  }

  private static String octal(long value, int digits) {
    String text = Long.toOctalString(value);
    return "0".repeat(Math.max(0, digits - text.length())) + text;
  }

  private static void put(byte[] header, int offset, String value, int length) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
  }
}
