package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void queriesAreCheckedWhenBuiltWithMessagesNamingTheSetting() {
    assertThatThrownBy(() -> TableQuery.of("t", "id").withPageSize(0))
        .hasMessage("pageSize must be > 0, was 0");
    assertThatThrownBy(() -> TableQuery.of("t", "id").withQueryTimeout(Duration.ofSeconds(-1)))
        .hasMessage("queryTimeout must be >= 0, was PT-1S");
    assertThatThrownBy(() -> Jdbc.keyset(new org.h2.jdbcx.JdbcDataSource(), TableQuery.of("t")))
        .hasMessage("a keyset source needs a key, was none for table 't'");
    assertThat(TableQuery.of("t", "id").withWhere("a = ?", (Object) null).params())
        .containsExactly((Object) null);
    assertThat(TableQuery.of("t", "id").toString()).contains("pageSize=1000", "fetchSize=1000");
  }

  @Test
  void sinkSettingsAreCheckedWhenBuilt() {
    assertThatThrownBy(() -> SinkSettings.insert("t", List.of("a"), "b"))
        .hasMessage("key [b] must be among columns [a]");
    assertThatThrownBy(() -> SinkSettings.upsert("t", List.of("a")))
        .hasMessage("an upsert needs a key, was none for 't'");
    assertThatThrownBy(() -> SinkSettings.insert("t", List.of("a")).withBatchSize(-1))
        .hasMessage("batchSize must be > 0, was -1");
    assertThat(SinkSettings.insert("t", List.of("a")).toString()).contains("batchSize=500");
  }
}
