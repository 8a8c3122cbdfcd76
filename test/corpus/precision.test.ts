// Precision of every rule on the committed sample of real documents, against findings judged by
// reading the documents (judged.json). A rule that changes its findings must be re-judged:
// `npm run corpus -- test/corpus/docs --to-judge /tmp/to-judge.json` lists what is not judged yet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFolder, flatten, keyOf, sampleForJudging } from '../../scripts/corpus/findings';
import { loadJudgements, lostTrueFindings, SAMPLE_DIR } from '../../scripts/corpus/judged';

/** Errors and warnings must be nearly always right; infos and hints may be wrong now and then. */
const REQUIRED_PRECISION: Record<string, number> = { error: 0.95, warning: 0.95, info: 0.8, hint: 0.8 };

test('every rule is precise on the judged sample of real documents', () => {
  const run = checkFolder(SAMPLE_DIR);
  assert.ok(run.files.length >= 300, `the sample has ${run.files.length} documents`);
  assert.equal(run.stderr, '', 'no rule fails on a real document');
  const judged = loadJudgements();
  const unjudged: string[] = [];
  const failures: string[] = [];
  const table: string[] = [];
  const findings = flatten(run.files);
  for (const [rule, sample] of sampleForJudging(findings)) {
    let right = 0;
    let judgedCount = 0;
    for (const finding of sample) {
      const judgement = judged.get(keyOf(finding));
      if (!judgement) {
        unjudged.push(keyOf(finding));
        continue;
      }
      judgedCount++;
      if (judgement.verdict) right++;
    }
    const severity = sample[0].severity;
    const precision = judgedCount === 0 ? 1 : right / judgedCount;
    table.push(`${rule} (${severity}): ${right}/${judgedCount} = ${(precision * 100).toFixed(1)} %`);
    if (precision < REQUIRED_PRECISION[severity]) failures.push(`${rule}: ${(precision * 100).toFixed(1)} % < ${REQUIRED_PRECISION[severity] * 100} %`);
  }
  process.stdout.write(`precision on the judged sample\n${table.map((line) => `  ${line}`).join('\n')}\n`);
  assert.deepEqual(unjudged.slice(0, 20), [], `${unjudged.length} findings are not judged (first 20 shown)`);
  assert.deepEqual(failures, []);
  const lost = lostTrueFindings(judged.values(), findings).map((judgement) => `${keyOf(judgement)} ${judgement.excerpt}`);
  assert.deepEqual(lost.slice(0, 20), [], `${lost.length} findings judged true are no longer reported (first 20 shown)`);
});
