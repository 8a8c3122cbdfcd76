// `node --import tsx scripts/workspace/stats.ts DIR [--sample N] [--json FILE]`: builds the workspace
// index over every .md / .txt file under DIR in one process and prints what issue 14 asks to measure:
// build time, memory, citations resolved, status statements, duplicate documents (with a sample of
// pairs to read), duplicate-doc-number findings, and the cross-document rules' counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../../server/src/service/parse/document';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { WORKSPACE_RULES, checkWorkspace } from '../../server/src/service/workspace/rules';
import { documentFiles as files, option } from './files';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function main(args: string[]): void {
  const dir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: node --import tsx scripts/workspace/stats.ts DIR [--sample N] [--json FILE]\n');
    process.exitCode = 2;
    return;
  }
  const sample = Number(option(args, '--sample') ?? 10);
  const list = files(path.resolve(dir));
  const uriOf = new Map<string, string>();
  const out: string[] = [];
  const index = new WorkspaceIndex(parseDocument);
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  let readMs = 0;
  for (const file of list) {
    const readStart = performance.now();
    const text = fs.readFileSync(file, 'utf8');
    readMs += performance.now() - readStart;
    const uri = pathToFileURL(file).href;
    uriOf.set(uri, path.relative(dir, file));
    index.update(uri, text);
    if (index.size % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const buildMs = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const rel = (uri: string) => uriOf.get(uri) ?? uri;
  out.push(`${index.size} documents under ${dir}`);
  out.push(`index built in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / Math.max(1, index.size)).toFixed(2)} ms a document, ${(readMs / 1000).toFixed(1)} s of it reading files), one process`);
  out.push(`memory: peak RSS ${mb(peakRss)}, heap after build ${mb(heap)}${globalThis.gc ? ' (after gc)' : ''}`);

  const json = JSON.stringify(index.toJSON());
  const loadStart = performance.now();
  const loaded = WorkspaceIndex.fromJSON(JSON.parse(json), parseDocument)!;
  out.push(`cache: ${mb(json.length * 2)} as a JS string (${mb(Buffer.byteLength(json))} UTF-8), loaded back in ${((performance.now() - loadStart) / 1000).toFixed(2)} s (${loaded.size} documents)`);

  const editUri = [...uriOf.keys()][Math.floor(uriOf.size / 2)];
  const editStart = performance.now();
  index.update(editUri, fs.readFileSync(new URL(editUri), 'utf8') + '\n');
  index.references(editUri);
  out.push(`one-file update + references query: ${(performance.now() - editStart).toFixed(1)} ms`);

  const entries = [...index.documents()];
  const profiles = new Map<string, number>();
  for (const entry of entries) profiles.set(entry.profile, (profiles.get(entry.profile) ?? 0) + 1);
  out.push(`profiles: ${[...profiles].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ')}`);
  const has = (pick: (entry: (typeof entries)[number]) => unknown) => entries.filter(pick).length;
  out.push(`with a title ${has((e) => e.title)}, own 发文字号 ${has((e) => e.number)}, date ${has((e) => e.date)}, agency ${has((e) => e.agency)}, 法宝引证码 ${has((e) => e.cliCode)}, fingerprint ${has((e) => e.fingerprint)}`);

  const kinds = { titled: [0, 0], number: [0, 0], title: [0, 0] } as Record<string, [number, number]>;
  const resolvedSamples: string[] = [];
  for (const entry of entries) {
    for (const citation of entry.citations) {
      const targets = index.resolve(citation, entry.uri);
      kinds[citation.kind][0]++;
      if (targets.length > 0) {
        kinds[citation.kind][1]++;
        if (resolvedSamples.length < sample * 3 && citation.kind !== 'title') resolvedSamples.push(`  ${rel(entry.uri)}: ${citation.title ? `《${citation.title}》` : ''}${citation.number ?? ''} → ${rel(targets[0].uri)} (${targets[0].title ?? '?'})`);
      }
    }
  }
  const total = Object.values(kinds).reduce((sum, [all]) => sum + all, 0);
  const resolved = Object.values(kinds).reduce((sum, [, ok]) => sum + ok, 0);
  out.push(`citations: ${total}, resolved in the workspace ${resolved} (${((resolved * 100) / Math.max(1, total)).toFixed(1)} %); ${Object.entries(kinds).map(([kind, [all, ok]]) => `${kind} ${ok}/${all}`).join(', ')}`);
  const statements = entries.flatMap((entry) => entry.statements.map((statement) => ({ entry, statement })));
  const repealed = entries.filter((entry) => index.status(entry.uri).state === 'repealed');
  const amended = entries.filter((entry) => index.status(entry.uri).state === 'amended');
  out.push(`status statements: ${statements.length} (repeal ${statements.filter((s) => s.statement.kind === 'repeal').length}, amend ${statements.filter((s) => s.statement.kind === 'amend').length}); documents of the workspace repealed ${repealed.length}, amended ${amended.length}`);
  for (const entry of repealed.slice(0, sample)) {
    const by = index.status(entry.uri).by[0];
    out.push(`  repealed: ${rel(entry.uri)} (${entry.title}) by ${rel(by.uri)} ${by.verb} ${by.date ?? ''}`);
  }

  const pairs = new Set<string>();
  const pairList: { a: string; b: string; distance: number }[] = [];
  for (const entry of entries) {
    for (const other of index.similar(entry.uri)) {
      const key = [entry.uri, other.uri].sort().join('\n');
      if (pairs.has(key)) continue;
      pairs.add(key);
      pairList.push({ a: entry.uri, b: other.uri, distance: other.distance });
    }
  }
  const inPairs = new Set(pairList.flatMap((pair) => [pair.a, pair.b]));
  out.push(`near-duplicate pairs (simhash distance ≤ 3): ${pairList.length}, over ${inPairs.size} documents; distance 0: ${pairList.filter((p) => p.distance === 0).length}`);
  const step = Math.max(1, Math.floor(pairList.length / Math.max(1, sample)));
  for (let i = 0; i < pairList.length && i / step < sample; i += step) {
    const { a, b, distance } = pairList[i];
    out.push(`  d=${distance}: ${rel(a)} | ${rel(b)}`);
  }

  const ruleStart = performance.now();
  const findings = checkWorkspace(index);
  out.push(`cross-document rules over the whole index in ${((performance.now() - ruleStart) / 1000).toFixed(2)} s:`);
  for (const rule of WORKSPACE_RULES) {
    const mine = findings.filter((finding) => finding.rule === rule.meta.id);
    out.push(`  ${rule.meta.id}: ${mine.length} findings in ${new Set(mine.map((f) => f.uri)).size} documents${rule.meta.id === 'cites-repealed' ? ` (warning ${mine.filter((f) => f.severity === 'warning').length})` : ''}`);
    const stepRule = Math.max(1, Math.floor(mine.length / Math.max(1, sample)));
    for (let i = 0; i < mine.length && i / stepRule < sample; i += stepRule) out.push(`    ${rel(mine[i].uri)}:${mine[i].range.start.line + 1}: ${mine[i].message.zh}`);
  }
  const jsonOut = option(args, '--json');
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ findings: findings.map((f) => ({ ...f, file: rel(f.uri) })), pairs: pairList.map((p) => ({ ...p, a: rel(p.a), b: rel(p.b) })) }, null, 1));
  out.push('', 'resolved citations (sample):', ...resolvedSamples.slice(0, sample));
  process.stdout.write(out.join('\n') + '\n');
}

main(process.argv.slice(2));
