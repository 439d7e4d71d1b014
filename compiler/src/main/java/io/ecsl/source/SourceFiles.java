package io.ecsl.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads source files from disk as UTF-8, the one encoding {@code .ecs} files and var files have.
 * A file that is not UTF-8 is the user's to fix, so every reader (check, build, fmt, var files)
 * says the same thing about it, at the first byte that is not UTF-8.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /** Bytes that are not UTF-8; {@link #span()} points at the first of them. */
  public static final class NotUtf8 extends IOException {
    private final transient Span span;
    private final int badByte;

    NotUtf8(Span span, int badByte) {
      super("not UTF-8 text");
      this.span = span;
      this.badByte = badByte;
    }

    /** Where the first byte that is not UTF-8 is, in the text decoded with replacement characters. */
    public Span span() {
      return span;
    }

    /** One sentence for a diagnostic: what is wrong, with the byte. */
    public String describe() {
      return String.format("not UTF-8 text: byte 0x%02X cannot start or continue a UTF-8 character (binary file,"
          + " or another encoding such as Latin-1?)", badByte);
    }
  }

  /**
   * The file's text without a byte order mark.
   *
   * @throws NotUtf8 when the bytes are not UTF-8
   * @throws IOException when the file cannot be read
   */
  public static SourceFile read(Path path, String displayName) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = strict.decode(ByteBuffer.wrap(bytes)).toString();
      return new SourceFile(displayName, path, SourceFile.withoutByteOrderMark(text));
    } catch (CharacterCodingException e) {
      throw notUtf8(bytes, path, displayName);
    }
  }

  /** Finds the first bad byte; the text is decoded with replacement characters so the line can be shown. */
  private static NotUtf8 notUtf8(byte[] bytes, Path path, String displayName) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);  // stops at the first malformed sequence
    int charOffset = out.position();
    int badByte = in.hasRemaining() ? bytes[in.position()] & 0xFF : 0;
    String replaced = new String(bytes, StandardCharsets.UTF_8);
    if (replaced.startsWith("\uFEFF")) {
      replaced = replaced.substring(1);  // columns count from after the byte order mark, as for good files
      charOffset = Math.max(0, charOffset - 1);
    }
    SourceFile file = new SourceFile(displayName, path, replaced);
    return new NotUtf8(new Span(file, charOffset, Math.min(replaced.length(), charOffset + 1)), badByte);
  }
}
