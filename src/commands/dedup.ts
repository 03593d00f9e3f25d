// mine dedup: near-duplicate articles (one story reposted or lightly edited), grouped in clusters.
import { DEFAULT_THRESHOLD, DuplicateFinder, type Cluster, type ClusterArticle } from '../aggregate/dedup.js';
import { UsageError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addInputOptions, documentOptions } from './options.js';

/** One line per article (table, CSV, NDJSON); --json prints the clusters themselves. */
interface ClusterLine extends ClusterArticle {
  cluster: string;
  size: number;
  similarity: number | null;
}

function threshold(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`--threshold takes a number from 0 to 1, not '${value}'`);
  return n;
}

function lines(cluster: Cluster): ClusterLine[] {
  return cluster.articles.map((a) => ({ cluster: cluster.id, size: cluster.size, similarity: cluster.similarity, ...a }));
}

export const dedupCommand: CommandSpec = {
  name: 'dedup',
  arguments: '[paths...]',
  summary: 'near-duplicate articles (one story reposted or lightly edited), in clusters',
  examples: ['mine dedup ./dumps', 'mine dedup --threshold 0.9 --json ./dumps', 'mine entities --dedup ./dumps   # count each cluster once'],
  csv: true,
  configure(command) {
    command
      .option('--threshold <t>', `estimated share of shared 5-word phrases (Jaccard, 0..1) from which articles are near-duplicates`, threshold, DEFAULT_THRESHOLD)
      .option('--all', 'also list articles without duplicates (clusters of one)');
    addInputOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const finder = new DuplicateFinder({ threshold: options.threshold as number });
    for await (const record of documents(paths, documentOptions(options, 'clean'), reporter)) finder.add(record);
    const clusters = finder.clusters(options.all === true);
    const grouped = clusters.map(lines);
    // The table shows cluster, size and similarity on the first line of each cluster only.
    const leads = new Set(grouped.map((g) => g[0]));
    const lead = (text: string | number | null, l: ClusterLine) => (leads.has(l) ? text : '');
    const duplicates = clusters.filter((c) => c.size > 1);
    return {
      rows: grouped.flat(),
      json: () => clusters,
      columns: [
        { header: 'cluster', value: (l: ClusterLine) => lead(l.cluster, l), style: (t: string) => chalk.cyan(t), keep: true },
        { header: 'size', value: (l: ClusterLine) => lead(l.size, l), align: 'right' },
        { header: 'similarity', value: (l: ClusterLine) => lead(l.similarity === null ? '' : l.similarity.toFixed(2), l), align: 'right' },
        { header: 'date', value: (l: ClusterLine) => l.published?.slice(0, 10), keep: true },
        { header: 'site', value: (l: ClusterLine) => l.site, maxWidth: 24 },
        { header: 'title', value: (l: ClusterLine) => l.title, maxWidth: 60 },
        { header: 'file', value: (l: ClusterLine) => l.file, maxWidth: 40, cut: 'middle' as const },
      ],
      csvColumns: [
        { header: 'cluster', value: (l: ClusterLine) => l.cluster },
        { header: 'size', value: (l: ClusterLine) => l.size },
        { header: 'similarity', value: (l: ClusterLine) => l.similarity },
        { header: 'id', value: (l: ClusterLine) => l.id },
        { header: 'file', value: (l: ClusterLine) => l.file },
        { header: 'published', value: (l: ClusterLine) => l.published },
        { header: 'site', value: (l: ClusterLine) => l.site },
        { header: 'title', value: (l: ClusterLine) => l.title },
      ],
      notes: () => [`${duplicates.length} cluster(s) of near-duplicates, ${duplicates.reduce((n, c) => n + c.size - 1, 0)} article(s) repeating another`],
    };
  },
};
