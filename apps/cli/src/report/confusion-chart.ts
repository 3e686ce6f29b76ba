import { escapeHtml, px } from './svg';

/** Any mistake gets a visible tint, so rare confusions still show against empty cells. */
const mistakeTint = (count: number, share: number) => (count === 0 ? 0 : 0.12 + Math.min(0.88, 10 * share));

/**
 * Draws a confusion matrix `counts[trueClass][predictedClass]` as an SVG grid: each cell shaded by
 * its share of the true class's samples and labelled with its count; the diagonal is correct.
 *
 * @example
 * confusionChart([[50, 2], [3, 45]], ['cat', 'dog']);
 */
export function confusionChart(counts: readonly (readonly number[])[], labels: readonly string[]): string {
  const n = counts.length;
  const cell = Math.max(22, Math.min(40, Math.floor(400 / Math.max(n, 1))));
  const labelWidth = Math.min(110, 12 + 7 * Math.max(...labels.map((l) => l.length), 1));
  const left = labelWidth + 26;
  const top = 44;
  const size = n * cell;
  const width = left + size + 12;
  const height = top + size + labelWidth + 20;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="confusion matrix">`,
    `<text x="${left + size / 2}" y="18" text-anchor="middle" class="title">Confusion matrix (rows: true, columns: predicted)</text>`,
  ];
  counts.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((count, j) => {
      const share = count / total;
      // Correct predictions shade blue, mistakes orange, so errors stand out even when small.
      const color =
        i === j
          ? `rgba(0,114,178,${px(0.1 + 0.9 * share)})`
          : `rgba(213,94,0,${px(mistakeTint(count, share))})`;
      const x = left + j * cell;
      const y = top + i * cell;
      const text = share > 0.5 && i === j ? '#fff' : '#222';
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${color}" stroke="#fff"><title>true ${escapeHtml(labels[i] ?? String(i))}, predicted ${escapeHtml(labels[j] ?? String(j))}: ${count}</title></rect>`,
      );
      if (count > 0 && cell >= 22) {
        parts.push(
          `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" class="cell" fill="${text}">${count}</text>`,
        );
      }
    });
    parts.push(
      `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end" class="tick">${escapeHtml(labels[i] ?? String(i))}</text>`,
    );
  });
  labels.slice(0, n).forEach((label, j) => {
    const x = left + j * cell + cell / 2 + 4;
    parts.push(
      `<text transform="translate(${x} ${top + size + 6}) rotate(90)" class="tick">${escapeHtml(label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
