package dev.sluice.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Pipe;
import dev.sluice.PipeException;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Csv;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.test.ScriptedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JobsTest {
  @TempDir Path dir;

  @Test
  void runsOnTheModulePathAgainstSluicesNamedModules() {
    assertThat(Jobs.class.getModule().getName()).isEqualTo("dev.sluice.blackbox");
    assertThat(Pipe.class.getModule().getName()).isEqualTo("dev.sluice.core");
    assertThat(Csv.class.getModule().getName()).isEqualTo("dev.sluice.io");
    assertThat(Jdbc.class.getModule().getName()).isEqualTo("dev.sluice.jdbc");
    // Users see one package; the internal one is exported only to Sluice's own connectors.
    assertThat(Pipe.class.getModule().getDescriptor().exports())
        .filteredOn(e -> !e.isQualified())
        .extracting(e -> e.source())
        .containsExactly("dev.sluice");
    assertThat(Pipe.class.getModule().getDescriptor().exports())
        .filteredOn(e -> e.isQualified())
        .allSatisfy(e -> assertThat(e.targets()).allMatch(t -> t.startsWith("dev.sluice.")));
    assertThat(Pipe.class.getModule().isExported("dev.sluice.internal", Jobs.class.getModule()))
        .isFalse();
  }

  @Test
  void aPipeMapsFiltersAndReduces() {
    assertThat(Jobs.evenSquares(10)).isEqualTo(4 + 16 + 36 + 64 + 100);
  }

  @Test
  void takeClosesAScriptedSourceOnce() {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(100);

    assertThat(source.pipe().take(3).toList()).containsExactly(0, 1, 2);
    assertThat(source.closes()).isEqualTo(1);
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void aCsvFileIsReadByColumnName() throws IOException {
    Path csv = dir.resolve("users.csv");
    Files.writeString(csv, "id,email\n1,a@b.c\n2,\"d,e@f.g\"\n");

    assertThat(Jobs.column(csv, "email")).containsExactly("a@b.c", "d,e@f.g");
  }

  @Test
  void aRaggedCsvRowIsBadInput() throws IOException {
    Path csv = dir.resolve("ragged.csv");
    Files.writeString(csv, "id,email\n1\n");

    assertThatThrownBy(() -> Jobs.column(csv, "email"))
        .isInstanceOfAny(BadInputException.class, PipeException.class)
        .hasMessageContaining("ragged.csv");
  }

  @Test
  void anEmbeddedTableIsReadByKeysetPagesInKeyOrder() throws SQLException {
    try (HikariDataSource db = Jdbc.embedded(dir.resolve("shop"))) {
      Jobs.seed(db, 50);

      List<Map<String, Object>> items = Jobs.items(db);

      assertThat(items).hasSize(50);
      assertThat(items.get(0)).containsValue("item1");
      assertThat(items.get(49)).containsValue("item50");
    }
  }
}
