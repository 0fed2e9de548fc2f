package dev.sluice.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of one CSV input and their indexes; shared by all rows of a run. */
final class CsvHeader {
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  CsvHeader(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i), i);
    }
  }

  List<String> names() {
    return names;
  }

  boolean hasDuplicates() {
    return index.size() != names.size();
  }

  int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no column " + name + " in header " + names);
    }
    return i;
  }
}
