// Baseline (c): the common Node.js async-generator ETL. readline over a file stream, split(','),
// JSON.stringify, stream.pipeline to a file. Naive on purpose: quoted commas and newlines are
// split wrongly, as in the code this pattern is copied into.
// Usage: node readline-split.js IN.csv OUT.jsonl [COLUMN]
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mask } from './mask.js';

const [input, output, column = 'email'] = process.argv.slice(2);

async function* rows(file) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header;
  for await (const line of lines) {
    const cells = line.split(',');
    if (!header) {
      header = cells;
      continue;
    }
    const row = {};
    header.forEach((name, i) => { row[name] = cells[i]; });
    row[column] = mask(row[column]);
    yield JSON.stringify(row) + '\n';
  }
}

const start = process.hrtime.bigint();
await pipeline(Readable.from(rows(input)), createWriteStream(output));
console.error(`readline-split: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
