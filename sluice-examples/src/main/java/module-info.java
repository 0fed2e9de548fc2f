/**
 * The code of README.md and the cookbook, compiled; the demo's sample data and its database part,
 * which {@code sluice demo} runs. Not published.
 */
module dev.sluice.examples {
  requires transitive dev.sluice.io;
  requires transitive dev.sluice.jdbc;
  requires dev.sluice.http; // docs/cookbook/paginated-api-to-table.md

  exports dev.sluice.examples;
}
