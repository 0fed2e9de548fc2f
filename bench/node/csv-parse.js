// Baseline (d): the same ETL with the csv-parse package (a real CSV parser) in stream.pipeline
// with an async-generator transform. Usage: node csv-parse.js IN.csv OUT.jsonl [COLUMN]
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { mask } from './mask.js';

const [input, output, column = 'email'] = process.argv.slice(2);

const start = process.hrtime.bigint();
await pipeline(
  createReadStream(input),
  parse({ columns: true }),
  async function* (records) {
    for await (const row of records) {
      row[column] = mask(row[column]);
      yield JSON.stringify(row) + '\n';
    }
  },
  createWriteStream(output),
);
console.error(`csv-parse: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
