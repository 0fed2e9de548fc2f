package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;

/**
 * No JVM time zone enters the data: the same rows read the same (values and text) under any default
 * zone, and write back to the same instants.
 */
class TemporalValuesTest {
  private static final List<String> ZONES = List.of("America/New_York", "UTC", "Asia/Kolkata");

  private static void seed(TestDb db) throws Exception {
    String tz = db.engine() == Engine.H2 ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMPTZ";
    for (String table : List.of("ev", "ev_copy")) {
      db.execute(
          "CREATE TABLE "
              + table
              + " (id INT PRIMARY KEY, at "
              + tz
              + ", local_at TIMESTAMP, the_day DATE, clock TIME)");
    }
    db.execute(
        "INSERT INTO ev VALUES (1, TIMESTAMP WITH TIME ZONE '2024-03-10 15:15:00+00',"
            + " TIMESTAMP '2024-03-10 15:15:00', DATE '2024-03-10', TIME '15:15:00')",
        "INSERT INTO ev VALUES (2, TIMESTAMP WITH TIME ZONE '1999-12-31 23:59:59.5-08',"
            + " TIMESTAMP '1999-12-31 23:59:59.5', DATE '1999-12-31', TIME '23:59:59')",
        "INSERT INTO ev VALUES (3, NULL, NULL, NULL, NULL)");
  }

  /** Runs {@code body} on a fresh pool (new sessions) with {@code zone} as the JVM's default. */
  private static <T> T inZone(TestDb db, String zone, Callable<T> body) throws Exception {
    TimeZone saved = TimeZone.getDefault();
    db.closePool();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      return body.call();
    } finally {
      db.closePool();
      TimeZone.setDefault(saved);
    }
  }

  @EachDatabase
  void rowsReadTheSameUnderEveryDefaultTimeZone(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      List<String> texts = new ArrayList<>();
      for (String zone : ZONES) {
        List<Map<String, Object>> rows =
            inZone(
                db,
                zone,
                () -> Jdbc.keyset(db.dataSource(), TableQuery.of("ev", "id")).rows().toList());
        assertThat(rows.get(0))
            .as(zone)
            .containsEntry("at", OffsetDateTime.of(2024, 3, 10, 15, 15, 0, 0, ZoneOffset.UTC))
            .containsEntry("local_at", LocalDateTime.of(2024, 3, 10, 15, 15))
            .containsEntry("the_day", LocalDate.of(2024, 3, 10))
            .containsEntry("clock", LocalTime.of(15, 15));
        assertThat(rows.get(1).get("at"))
            .as(zone)
            .isEqualTo(OffsetDateTime.of(2000, 1, 1, 7, 59, 59, 500_000_000, ZoneOffset.UTC));
        assertThat(rows.get(2).get("at")).isNull();
        texts.add(rows.toString());
      }
      assertThat(texts).as("rows as text in %s", ZONES).containsOnly(texts.get(0));
    }
  }

  @EachDatabase
  void describeGivesZonedColumnsTheStandardZonedTypeCodes(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      Map<String, Integer> types = Jdbc.describe(db.dataSource(), "ev").types();
      assertThat(types)
          .containsEntry("at", java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
          .containsEntry("local_at", java.sql.Types.TIMESTAMP)
          .containsEntry("the_day", java.sql.Types.DATE)
          .containsEntry("clock", java.sql.Types.TIME);
    }
  }

  @EachDatabase
  void valuesWrittenBackUnderAnotherZoneKeepTheirInstants(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      List<Map<String, Object>> rows =
          inZone(
              db,
              "Pacific/Auckland",
              () -> Jdbc.keyset(db.dataSource(), TableQuery.of("ev", "id")).rows().toList());
      inZone(
          db,
          "America/Los_Angeles",
          () -> {
            Pipe.from(rows)
                .into(
                    Jdbc.sink(
                        db.dataSource(),
                        SinkSettings.insert(
                            "ev_copy", List.of("id", "at", "local_at", "the_day", "clock"), "id"),
                        RowBinder.ofMap()));
            return null;
          });
      List<List<Object>> same =
          db.query(
              "SELECT COUNT(*) FROM ev a JOIN ev_copy b ON a.id = b.id AND (a.at = b.at OR a.at IS"
                  + " NULL AND b.at IS NULL) AND (a.local_at = b.local_at OR a.local_at IS NULL AND"
                  + " b.local_at IS NULL) AND (a.the_day = b.the_day OR a.the_day IS NULL AND b.the_day IS NULL)"
                  + " AND (a.clock = b.clock OR a.clock IS NULL AND b.clock IS NULL)");
      assertThat(((Number) same.get(0).get(0)).intValue()).isEqualTo(3);
    }
  }

  @EachDatabase
  void aTimestampWithTimeZoneKeyResumesUnderAnotherZone(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      String tz = engine == Engine.H2 ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMPTZ";
      db.execute("CREATE TABLE tk (at " + tz + " PRIMARY KEY, local_at TIMESTAMP NOT NULL, n INT)");
      for (int i = 0; i < 10; i++) {
        db.execute(
            "INSERT INTO tk VALUES (TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + INTERVAL '"
                + i * 7
                + "' HOUR, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '"
                + i
                + "' MINUTE, "
                + i
                + ")");
      }
      db.execute("CREATE UNIQUE INDEX tk_local ON tk (local_at)");
      for (String key : List.of("at", "local_at")) {
        List<Positioned<Map<String, Object>>> first =
            inZone(
                db,
                "Asia/Tokyo",
                () ->
                    Jdbc.keyset(db.dataSource(), TableQuery.of("tk", key).withPageSize(3))
                        .after(Optional.empty())
                        .take(4)
                        .toList());
        String position = first.get(3).position();
        List<Object> rest =
            inZone(
                db,
                "America/Chicago",
                () ->
                    Jdbc.keyset(db.dataSource(), TableQuery.of("tk", key).withPageSize(3))
                        .after(Optional.of(position))
                        .map(p -> p.item().get("n"))
                        .toList());
        assertThat(rest).as("after %s", position).containsExactly(4, 5, 6, 7, 8, 9);
      }
    }
  }
}
