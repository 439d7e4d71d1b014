package io.ecsl.modules;

import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A module: one file, a directory of files sharing one namespace, or a stdlib module. The project's
 * own files form the root module.
 */
public final class LoadedModule {
  private final String id;
  private final String displayName;
  private final boolean root;
  private final List<SourceUnit> units = new ArrayList<>();
  private final List<Import> imports = new ArrayList<>();

  /** An import of a file, resolved to its module; {@code unit} is the importing file. */
  public record Import(SourceUnit unit, Item.Import item, String alias, LoadedModule module) {}

  LoadedModule(String id, String displayName, boolean root) {
    this.id = id;
    this.displayName = displayName;
    this.root = root;
  }

  /** Canonical identity: the real path, or {@code std/<name>}. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public boolean isRoot() {
    return root;
  }

  public List<SourceUnit> units() {
    return units;
  }

  public List<Import> imports() {
    return imports;
  }

  void addUnit(SourceUnit unit) {
    units.add(unit);
  }

  void addImport(Import i) {
    imports.add(i);
  }
}
