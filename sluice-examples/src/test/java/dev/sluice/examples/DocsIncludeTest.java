package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of README.md and docs/cookbook are copies of regions of compiled files. A block
 * follows a marker {@code <!-- include: PATH#REGION -->} (PATH from the repository root); the
 * region is every stretch of PATH between {@code // region REGION} and {@code // endregion},
 * de-indented, stretches joined by a blank line. {@code -Dsluice.docs=update} rewrites the blocks
 * from the files (scripts/docs-update).
 */
final class DocsIncludeTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern MARKER = Pattern.compile("^<!-- include: ([^#\\s]+)#([\\w-]+) -->$");

  /**
   * Pages whose every Java block must be included. Any other page is checked for the blocks it
   * marks (the cookbook pages whose code lives in other modules' tests are not converted yet).
   */
  private static final Set<String> STRICT =
      Set.of(
          "README.md",
          "docs/cookbook/csv-to-jsonl.md",
          "docs/cookbook/offset-vs-keyset.md",
          "docs/cookbook/transaction-per-batch.md",
          "docs/cookbook/export-table-to-csv.md",
          "docs/cookbook/large-file-custom-delimiter.md",
          "docs/cookbook/duplicate-files.md",
          "docs/cookbook/paginated-api-to-table.md");

  @Test
  void everyMarkedBlockEqualsItsRegion() throws IOException {
    boolean update = "update".equals(System.getProperty("sluice.docs"));
    List<String> problems = new ArrayList<>();
    int checked = 0;
    Set<String> strictSeen = new HashSet<>();
    for (Path page : pages()) {
      String name = ROOT.relativize(page).toString().replace('\\', '/');
      List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
      boolean changed = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```java")) {
          if (i == 0 || !MARKER.matcher(lines.get(i - 1)).matches()) {
            if (STRICT.contains(name)) {
              problems.add(name + ":" + (i + 1) + ": a Java block without an include marker");
            }
          }
          continue;
        }
        Matcher marker = MARKER.matcher(line);
        if (!marker.matches()) {
          continue;
        }
        int open = i + 1;
        if (open >= lines.size() || !lines.get(open).equals("```java")) {
          problems.add(name + ":" + (i + 1) + ": the marker is not followed by a ```java line");
          continue;
        }
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).equals("```")) {
          close++;
        }
        if (close == lines.size()) {
          problems.add(name + ":" + (open + 1) + ": the block is not closed");
          continue;
        }
        List<String> region;
        try {
          region = region(ROOT.resolve(marker.group(1)), marker.group(2));
        } catch (IllegalArgumentException | UncheckedIOException e) {
          problems.add(name + ":" + (i + 1) + ": " + e.getMessage());
          continue;
        }
        List<String> block = lines.subList(open + 1, close);
        checked++;
        if (STRICT.contains(name)) {
          strictSeen.add(name);
        }
        if (!block.equals(region)) {
          if (update) {
            block.clear();
            block.addAll(region);
            changed = true;
            i = open + region.size() + 1;
          } else {
            int at = firstDifference(block, region);
            problems.add(
                String.format(
                    "%s:%d: the block differs from %s#%s: the markdown has%n  %s%nbut the region has%n  %s",
                    name,
                    open + 2 + at,
                    marker.group(1),
                    marker.group(2),
                    at < block.size() ? block.get(at) : "(the end of the block)",
                    at < region.size() ? region.get(at) : "(the end of the region)"));
          }
        }
      }
      if (changed) {
        Files.write(page, lines, StandardCharsets.UTF_8);
      }
    }
    assertThat(problems)
        .as("run scripts/docs-update to copy the regions into the markdown")
        .isEmpty();
    assertThat(checked).as("included blocks").isGreaterThanOrEqualTo(4);
    assertThat(strictSeen).as("strict pages that include a block").isEqualTo(STRICT);
  }

  @Test
  void aRegionIsItsStretchesDeindentedAndJoinedByABlankLine() throws IOException {
    Path file = Files.createTempFile("region", ".java");
    try {
      Files.writeString(
          file,
          """
          // region a
          import x;
          // endregion
          class C {
            void m() {
              // region a
              if (y) {
                z();
              }
              // endregion
            }
          }
          """);
      assertThat(region(file, "a")).containsExactly("import x;", "", "if (y) {", "  z();", "}");
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> region(file, "missing")))
          .hasMessageContaining("no region missing");
    } finally {
      Files.delete(file);
    }
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> cookbook = Files.list(ROOT.resolve("docs/cookbook"))) {
      cookbook.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  static List<String> region(Path file, String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<String> region = new ArrayList<>();
    List<String> stretch = null;
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.equals("// region " + name)) {
        stretch = new ArrayList<>();
      } else if (stretch != null && stripped.equals("// endregion")) {
        while (!stretch.isEmpty() && stretch.get(stretch.size() - 1).isBlank()) {
          stretch.remove(stretch.size() - 1);
        }
        if (!region.isEmpty()) {
          region.add("");
        }
        region.addAll(deindent(stretch));
        stretch = null;
      } else if (stretch != null) {
        stretch.add(line);
      }
    }
    if (region.isEmpty()) {
      throw new IllegalArgumentException("no region " + name + " in " + file);
    }
    return region;
  }

  private static List<String> deindent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  /** The index of the first line where the two differ (one of them may be shorter). */
  private static int firstDifference(List<String> block, List<String> region) {
    int i = 0;
    while (i < block.size() && i < region.size() && block.get(i).equals(region.get(i))) {
      i++;
    }
    return i;
  }
}
