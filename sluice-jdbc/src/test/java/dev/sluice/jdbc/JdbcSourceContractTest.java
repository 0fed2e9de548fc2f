package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import dev.sluice.test.CloseCounter;
import dev.sluice.test.SourceContract;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keyset, offset and cursor sources pass the published {@link SourceContract} over the embedded
 * H2 default: every connection they borrow goes back (is closed) exactly once, after a full read,
 * an early stop, a failure after partial output, an interrupt and an iterator closed early.
 */
class JdbcSourceContractTest {
  private static TestDb db;

  private static final int PAGE = 16;

  /** How a source reads a table through a data source and a row mapper. */
  interface Read {
    Pipe<?> read(DataSource ds, TableQuery query, RowMapper<Long> mapper);
  }

  /**
   * A source, and whether it maps rows a page at a time (then a mapper failing on a row fails its
   * page: the rows before it on the same page are not delivered).
   */
  record Kind(Read read, boolean paged) {}

  static Stream<Arguments> kinds() {
    return Stream.of(
        kind("keyset", (ds, q, m) -> Jdbc.keyset(ds, q, m).rows(), true),
        kind("offset", Jdbc::offset, true),
        kind("cursor", Jdbc::cursor, false));
  }

  private static Arguments kind(String name, Read read, boolean paged) {
    return Arguments.of(Named.of(name, new Kind(read, paged)));
  }

  @BeforeAll
  static void table() throws Exception {
    db = TestDb.create(Engine.H2);
    db.execute(
        "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(20))",
        "INSERT INTO items SELECT x, 'n' || x FROM SYSTEM_RANGE(1, 250) r(x)",
        "CREATE TABLE nothing (id BIGINT PRIMARY KEY)");
  }

  @AfterAll
  static void drop() throws Exception {
    db.close();
  }

  private static final RowMapper<Long> ID = row -> row.getLong("id");

  /** {@code kind} over {@code table}, every connection counted by {@code counter}. */
  private static Supplier<Pipe<?>> source(
      Kind kind, CloseCounter counter, String table, RowMapper<Long> mapper) {
    DataSource tracked = tracking(db.dataSource(), counter);
    return () -> kind.read().read(tracked, TableQuery.of(table, "id").withPageSize(PAGE), mapper);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void passesTheSourceContract(Kind kind) throws Exception {
    CloseCounter counter = new CloseCounter();
    SourceContract.checkAll(source(kind, counter, "items", ID), counter);
    SourceContract.checkEmpty(source(kind, counter, "nothing", ID), counter);
    assertThat(SourceContract.checkFullReadClosesOnce(source(kind, counter, "items", ID), counter))
        .isEqualTo(250);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aFailureAfterPartialOutputClosesEveryConnection(Kind kind) {
    CloseCounter counter = new CloseCounter();
    for (int failAt : new int[] {1, 3, 16, 17, 100}) {
      RowMapper<Long> failing =
          row -> {
            long id = row.getLong("id");
            if (id == failAt + 1) {
              throw new SQLException("bad row " + id);
            }
            return id;
          };
      SourceContract.checkFailureAfterPartialOutput(
          source(kind, counter, "items", failing),
          counter,
          kind.paged() ? failAt / PAGE * PAGE : failAt,
          SQLException.class);
    }
  }

  /** {@code ds} with every connection it hands out tracked by {@code counter}. */
  private static DataSource tracking(DataSource ds, CloseCounter counter) {
    return proxy(
        DataSource.class,
        ds,
        (method, real) ->
            method.equals("getConnection") ? connection((Connection) real, counter) : real);
  }

  private static Connection connection(Connection real, CloseCounter counter) {
    AutoCloseable close = counter.track(real);
    return proxy(Connection.class, real, (method, result) -> result, close);
  }

  private static <T> T proxy(
      Class<T> type, T real, BiFunction<String, Object, Object> after, AutoCloseable... close) {
    InvocationHandler handler =
        (p, method, args) -> {
          if (close.length == 1
              && method.getName().equals("close")
              && method.getParameterCount() == 0) {
            close[0].close();
            return null;
          }
          try {
            return after.apply(method.getName(), method.invoke(real, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
