package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Positioned;
import dev.sluice.ResumeRefusedException;
import dev.sluice.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFileTest {
  @TempDir Path dir;

  @Test
  void positionsAreRecordNumbersWithAByteOffsetAndResumeAfterThem() throws Exception {
    Path file = Files.writeString(dir.resolve("a.csv"), "id,v\n1,a\n2,b\n3,c\n");
    RowFile rows = RowFile.csv(file, CsvSettings.defaults());
    List<Positioned<Row>> all = rows.after(Optional.empty()).toList();
    assertThat(all).extracting(p -> RowFile.records(p.position())).containsExactly(1L, 2L, 3L);
    assertThat(all.get(0).position()).startsWith("1 +1 at=5 end=17 lines=1,1 prefix=");
    List<Positioned<Row>> rest = rows.after(Optional.of(all.get(1).position())).toList();
    assertThat(rest).extracting(p -> p.item().get("id")).containsExactly("3");
    assertThat(rows.firstColumns()).containsExactly("id", "v");
  }

  @Test
  void resumingAfterTheFileChangedIsRefusedSayingWhat() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1}\n{\"id\":2}\n");
    RowFile rows = RowFile.jsonLines(file, JsonSettings.defaults());
    String position = rows.after(Optional.empty()).first().orElseThrow().position();
    Files.writeString(file, "{\"id\":9}\n{\"id\":2}\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    assertThatThrownBy(() -> rows.after(Optional.of(position)).toList())
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("changed since the interrupted run read it");
  }

  @Test
  void aHeaderOnlyCsvHasItsColumnsAndAnEmptyFileNone() throws Exception {
    assertThat(
            RowFile.csv(Files.writeString(dir.resolve("h.csv"), "a,b\n"), CsvSettings.defaults())
                .firstColumns())
        .containsExactly("a", "b");
    assertThat(
            RowFile.jsonLines(
                    Files.writeString(dir.resolve("e.jsonl"), ""), JsonSettings.defaults())
                .firstColumns())
        .isEmpty();
  }

  @Test
  void aPositionOfAnotherSourceIsRefused() {
    assertThatThrownBy(() -> RowFile.records("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a position of a RowFile");
  }
}
