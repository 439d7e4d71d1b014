package io.ecsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API models in the compact form the compiler loads ({@code NAME.compact} beside {@code
 * NAME.json}, which stays the source of truth): made by the build from the JSON (compiler/pom.xml
 * runs {@link #main} after compiling), so no JSON is parsed at start.
 *
 * <p>Reading ECS's 115 KB of JSON at start cost 21-24 ms of CPU (the streaming tokenizer, still
 * interpreted, over every byte; building the tree was only 2-3 ms of that). The compact form is
 * binary ({@link DataOutputStream}'s numbers, strings as a length and UTF-8): the target prefix, the operations, an index of every shape's
 * name and offset, then the shapes, each already in {@link Shape}'s terms. Loading reads the header
 * and the index; a shape is decoded when it is first asked for.
 */
public final class CompactModels {
  static final int VERSION = 1;

  private CompactModels() {}

  /** Writes {@code NAME.compact} beside every {@code NAME.json} in a directory (the build's step). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompactModels MODELS_DIRECTORY");
    }
    Path dir = Path.of(args[0]);
    List<Path> models;
    try (var files = Files.list(dir)) {
      models = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (models.isEmpty()) {
      throw new IOException("no *.json model in " + dir);
    }
    for (Path json : models) {
      String name = json.getFileName().toString().replaceFirst("\\.json$", "");
      byte[] out;
      try (InputStream in = Files.newInputStream(json)) {
        out = write(name, JsonTrees.read(in));
      }
      Files.write(dir.resolve(name + ".compact"), out);
    }
  }

  /** The compact form of a model's JSON tree. */
  static byte[] write(String name, JsonNode root) throws IOException {
    ServiceModel model = ServiceModel.fromTree(name, root);
    ByteArrayOutputStream shapeBytes = new ByteArrayOutputStream();
    DataOutputStream shapes = new DataOutputStream(shapeBytes);
    Map<String, Integer> offsets = new LinkedHashMap<>();
    for (var e : root.get("shapes").properties()) {
      offsets.put(e.getKey(), shapes.size());
      writeShape(shapes, model.shape(e.getKey()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(VERSION);
    writeNullable(out, model.targetPrefix());
    Map<String, String[]> operations = new TreeMap<>(model.operationsForCompactForm());
    out.writeInt(operations.size());
    for (var e : operations.entrySet()) {
      writeString(out, e.getKey());
      writeNullable(out, e.getValue()[0]);
      writeNullable(out, e.getValue()[1]);
    }
    out.writeInt(offsets.size());
    for (var e : offsets.entrySet()) {
      writeString(out, e.getKey());
      out.writeInt(e.getValue());
    }
    shapes.flush();
    out.write(shapeBytes.toByteArray());
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeShape(DataOutputStream out, Shape s) throws IOException {
    writeString(out, s.type());
    out.writeInt(s.members().size());
    for (var m : s.members().entrySet()) {
      writeString(out, m.getKey());
      writeString(out, m.getValue());
    }
    out.writeInt(s.required().size());
    for (String r : s.required()) {
      writeString(out, r);
    }
    List<String> enums = s.enumValues();
    out.writeInt(enums == null ? -1 : enums.size());
    if (enums != null) {
      for (String e : enums) {
        writeString(out, e);
      }
    }
    writeNullable(out, s.min());
    writeNullable(out, s.max());
    writeNullable(out, s.memberShapeName());
    writeNullable(out, s.keyShapeName());
    writeNullable(out, s.valueShapeName());
    out.writeBoolean(s.sensitive());
  }

  /** A model's operations (name → {input, output}), target prefix and shape offsets, read from its compact form. */
  record Header(String targetPrefix, Map<String, String[]> operations, Map<String, Integer> offsets, int shapesStart) {}

  static Header readHeader(byte[] bytes) throws IOException {
    Cursor in = new Cursor(bytes, 0);
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("compact model version " + version + ", expected " + VERSION);
    }
    String targetPrefix = readNullable(in);
    int n = in.readInt();
    Map<String, String[]> operations = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      operations.put(in.string(), new String[] {readNullable(in), readNullable(in)});
    }
    n = in.readInt();
    Map<String, Integer> offsets = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      offsets.put(in.string(), in.readInt());
    }
    return new Header(targetPrefix, operations, offsets, in.position);
  }

  static Shape readShape(ServiceModel model, String name, byte[] bytes, int offset) throws IOException {
    Cursor in = new Cursor(bytes, offset);
    String type = in.string();
    int n = in.readInt();
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      members.put(in.string(), in.string());
    }
    n = in.readInt();
    Set<String> required = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      required.add(in.string());
    }
    n = in.readInt();
    List<String> enums = n < 0 ? null : new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      enums.add(in.string());
    }
    Long min = readNullableLong(in);
    Long max = readNullableLong(in);
    String member = readNullable(in);
    String key = readNullable(in);
    String value = readNullable(in);
    boolean sensitive = in.readBoolean();
    return new Shape(model, name, type, members, required, enums, min, max, member, key, value, sensitive);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static void writeNullable(DataOutputStream out, Long l) throws IOException {
    out.writeBoolean(l != null);
    if (l != null) {
      out.writeLong(l);
    }
  }

  private static String readNullable(Cursor in) throws IOException {
    return in.readBoolean() ? in.string() : null;
  }

  private static Long readNullableLong(Cursor in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xffff) {
      throw new IOException("a name of " + utf8.length + " bytes");
    }
    out.writeShort(utf8.length);
    out.write(utf8);
  }

  /**
   * Reads what {@link DataOutputStream} wrote, strings as a length and UTF-8 (decoded by {@code new
   * String}, a copy for ASCII, where {@code readUTF} decodes byte by byte in interpreted code).
   */
  private static final class Cursor {
    private final byte[] bytes;
    int position;

    Cursor(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    String string() throws IOException {
      int length = readShort();
      check(length);
      String s = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return s;
    }

    int readInt() throws IOException {
      check(4);
      int p = position;
      position += 4;
      return (bytes[p] & 0xff) << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | bytes[p + 3] & 0xff;
    }

    long readLong() throws IOException {
      return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    boolean readBoolean() throws IOException {
      check(1);
      return bytes[position++] != 0;
    }

    private int readShort() throws IOException {
      check(2);
      int p = position;
      position += 2;
      return (bytes[p] & 0xff) << 8 | bytes[p + 1] & 0xff;
    }

    private void check(int n) throws IOException {
      if (position + n > bytes.length) {
        throw new IOException("truncated compact model");
      }
    }
  }
}
