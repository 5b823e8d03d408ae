// data/notices.schema.json describes the files the validator accepts: the
// built-in data, the test fixtures and every example of docs/notices-format.md
// conform; files the validator refuses for their shape do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv/dist/2020.js';

const read = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(JSON.parse(read('data/notices.schema.json')));

test('valid files conform to the schema', () => {
  const docs = [...read('docs/notices-format.md').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(docs.length >= 8);
  for (const text of [read('data/notices.json'), read('tests/fixtures/shapes.json'), read('tests/fixtures/base-rule.json'), read('tests/fixtures/history.json'), read('tests/fixtures/relief-reports.json'), read('tests/fixtures/history-format2.json'), ...docs]) {
    const ok = validate(JSON.parse(text));
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  }
});

test('shape errors are schema errors too', () => {
  const base = JSON.parse(read('data/notices.json'));
  const rule = base.disasters[0].notices[0].rules[0];
  const cases = [
    { ...base, format: 3 },
    // Format 1: a number on every notice, and no time of issue
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], number: undefined }] }] },
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], issued: '2026-02-04T10:00' }] }] },
    { ...base, extra: true },
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], rules: [{ ...rule, untill: '2026-02-10' }] }] }] },
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], rules: [{ ...rule, kind: 'extend' }] }] }] },
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], rules: [{ ...rule, until: '2月10日' }] }] }] },
    { ...base, disasters: [{ ...base.disasters[0], notices: [{ ...base.disasters[0].notices[0], number: 'five' }] }] },
  ];
  for (const c of cases) assert.equal(validate(c), false, JSON.stringify(c).slice(0, 200));
});
