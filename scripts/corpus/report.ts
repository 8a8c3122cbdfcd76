// `npm run corpus -- DIR [--workers N] [--findings FILE] [--to-judge FILE]`: checks a folder of real
// documents with `policydoc check` and prints findings per rule per 100 documents, the share of
// files with an error, and the time taken.
//   --findings FILE   writes every finding, with its line excerpt, as JSON;
//   --to-judge FILE   writes the findings the precision test needs judged (see test/corpus/judged.json)
//                     that have no judgement yet.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFolder, excerpt, flatten, keyOf, sampleForJudging } from './findings';
import { loadJudgements } from './judged';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(args: string[]): void {
  const dir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir || !fs.existsSync(dir)) {
    process.stderr.write('usage: npm run corpus -- DIR [--workers N] [--findings FILE] [--to-judge FILE]\n');
    process.exitCode = 2;
    return;
  }
  const workersOption = option(args, '--workers');
  const run = checkFolder(path.resolve(dir), workersOption === undefined ? undefined : Number(workersOption));
  const findings = flatten(run.files);
  const documents = run.files.length;
  const per100 = (count: number) => ((count * 100) / Math.max(1, documents)).toFixed(1);

  const byRule = new Map<string, { severity: Set<string>; count: number; files: Set<string>; truncated: number }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.rule) ?? { severity: new Set(), count: 0, files: new Set(), truncated: 0 };
    entry.severity.add(finding.severity);
    entry.count++;
    entry.files.add(finding.file);
    byRule.set(finding.rule, entry);
  }
  for (const file of run.files) for (const [rule, count] of Object.entries(file.truncated ?? {})) byRule.get(rule)!.truncated += count;
  const withError = run.files.filter((file) => file.diagnostics.some((d) => d.severity === 'error')).length;
  const profiles = new Map<string, number>();
  for (const file of run.files) profiles.set(String(file.profile), (profiles.get(String(file.profile)) ?? 0) + 1);

  const out: string[] = [];
  out.push(`${documents} documents in ${dir}, checked in ${(run.milliseconds / 1000).toFixed(1)} s (${(run.milliseconds / Math.max(1, documents)).toFixed(2)} ms a document; workers: ${run.workers})`);
  const ruleFailures = run.stderr.split('\n').filter((line) => / failed: /.test(line));
  if (ruleFailures.length > 0) out.push(`RULE FAILURES: ${ruleFailures.length} (first: ${ruleFailures[0]})`);
  out.push(`files with an error: ${withError} (${((withError * 100) / Math.max(1, documents)).toFixed(1)} %)`);
  out.push(`profiles: ${[...profiles].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ')}`);
  out.push('');
  const rows = [...byRule].sort((a, b) => b[1].count - a[1].count);
  const width = Math.max(4, ...rows.map(([rule]) => rule.length));
  out.push(`${'rule'.padEnd(width)}  severity  findings  per 100 docs  files  beyond cap`);
  for (const [rule, entry] of rows) {
    out.push(
      `${rule.padEnd(width)}  ${[...entry.severity].join('/').padEnd(8)}  ${String(entry.count).padStart(8)}  ${per100(entry.count).padStart(12)}  ${String(entry.files.size).padStart(5)}  ${String(entry.truncated).padStart(10)}`,
    );
  }
  out.push(`${'all'.padEnd(width)}            ${String(findings.length).padStart(8)}  ${per100(findings.length).padStart(12)}`);
  process.stdout.write(out.join('\n') + '\n');

  const cache = new Map<string, string[]>();
  const withExcerpt = (finding: (typeof findings)[number]) => ({ ...finding, excerpt: excerpt(path.resolve(dir), finding, cache) });
  const findingsFile = option(args, '--findings');
  if (findingsFile) fs.writeFileSync(findingsFile, JSON.stringify(findings.map(withExcerpt), null, 1) + '\n');
  const toJudgeFile = option(args, '--to-judge');
  if (toJudgeFile) {
    const judged = loadJudgements();
    const pending = [...sampleForJudging(findings).values()].flat().filter((finding) => !judged.has(keyOf(finding)));
    fs.writeFileSync(toJudgeFile, JSON.stringify(pending.map(withExcerpt), null, 1) + '\n');
    process.stdout.write(`${pending.length} findings to judge written to ${toJudgeFile}\n`);
  }
}

main(process.argv.slice(2));
