package io.ecsl.lsp.features;

import io.ecsl.ast.Arg;
import io.ecsl.ast.Item;
import io.ecsl.ast.Node;
import io.ecsl.eval.Kind;
import io.ecsl.lower.Vocabulary;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Which {@link Vocabulary} block each entry on an AST path is written in. */
final class Blocks {
  private static final Vocabulary VOCABULARY = Vocabulary.get();

  private Blocks() {}

  /**
   * The block of each entry on the path (outermost first): a declaration's entry maps to null and
   * opens its kind's block; nested entries map to their enclosing block and open its child. Inside
   * a call's arguments nothing is an attribute; a template body starts afresh.
   */
  static Map<Item.Entry, Vocabulary.Block> along(List<Node> path) {
    Map<Item.Entry, Vocabulary.Block> out = new IdentityHashMap<>();
    Vocabulary.Block block = null;
    boolean inDeclaration = false;
    for (Node n : path) {
      switch (n) {
        case Item.Template t -> {
          block = null;
          inDeclaration = false;
        }
        case Arg a -> {
          block = null;
        }
        case Item.Entry e -> {
          String key = e.key().constant();
          if (!inDeclaration) {
            Kind kind = key == null ? null : Kind.byKeyword(key);
            out.put(e, null);
            if (kind != null && e.isBlock()) {
              block = VOCABULARY.declaration(kind);
              inDeclaration = true;
            }
          } else {
            out.put(e, block);
            block = block == null || key == null ? null : VOCABULARY.child(block, key);
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** The declaration entry on a path, or null. */
  static Item.Entry declaration(List<Node> path) {
    for (Node n : path) {
      if (n instanceof Item.Entry e && e.key().constant() != null && Kind.byKeyword(e.key().constant()) != null
          && e.isBlock()) {
        return e;
      }
      if (n instanceof Item.Entry) {
        return null;
      }
    }
    return null;
  }

  /** The attribute the innermost entry on the path sets, or null. */
  static Vocabulary.Attribute attributeOf(List<Node> path) {
    Map<Item.Entry, Vocabulary.Block> blocks = along(path);
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i) instanceof Item.Entry e) {
        Vocabulary.Block b = blocks.get(e);
        if (b instanceof Vocabulary.Pairs pairs) {
          return pairs.value();
        }
        return b == null || e.key().constant() == null ? null : VOCABULARY.attribute(b, e.key().constant());
      }
    }
    return null;
  }
}
