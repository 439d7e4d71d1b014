package io.ecsl.runtime.engine;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of resource, held in memory and written through to the store. Callers hold the
 * {@link RuntimeState} lock; values handed out are the live objects, so callers copy before
 * editing when they need to compare.
 */
public final class DocumentTable<T> {
  private final Store store;
  private final String kind;
  private final Class<T> type;
  private final Map<String, T> rows = new LinkedHashMap<>();

  DocumentTable(Store store, String kind, Class<T> type) {
    this.store = store;
    this.kind = kind;
    this.type = type;
    reload();
  }

  void reload() {
    rows.clear();
    rows.putAll(store.loadAll(kind, type));
  }

  public T get(String id) {
    return rows.get(id);
  }

  public boolean contains(String id) {
    return rows.containsKey(id);
  }

  public void put(String id, T value) {
    store.put(kind, id, value);
    rows.put(id, value);
  }

  public void remove(String id) {
    store.delete(kind, id);
    rows.remove(id);
  }

  /** A snapshot of the values, in insertion order. */
  public List<T> values() {
    return new ArrayList<>(rows.values());
  }

  public List<String> ids() {
    return new ArrayList<>(rows.keySet());
  }

  /** A deep copy of a stored value (for edit-then-put). */
  public T copyOf(String id) {
    T value = rows.get(id);
    return value == null ? null : Json.copy(value, type);
  }
}
