// The docs' recorded results (src/public/recipes/<name>/recorded.json) checked against the code.

/** The command that records `name` again, with the flags it was recorded with. */
export function recordCommand(name, recorded) {
  const flags = String(recorded.command ?? '')
    .split(' ')
    .slice(3)
    .join(' ');
  return `node scripts/pnpm.mjs --filter docs record-recipe ${name}${flags ? ` ${flags}` : ''}`;
}

/**
 * One message per recorded report whose experiment's source hash (from `currentHash(name)`) is not
 * the one stored when it was recorded, naming the report and the command to re-record it. Reports
 * of training recipes (`currentHash` gives null) are not experiments and are skipped.
 */
export function staleReports(reports, currentHash) {
  const messages = [];
  for (const { name, recorded } of reports) {
    const current = currentHash(name);
    if (current === null || recorded.sourceHash === current) continue;
    const why = recorded.sourceHash
      ? 'its experiment source changed since it was recorded'
      : 'it has no source hash (recorded before hashes were kept)';
    messages.push(
      `recorded report "${name}" is stale: ${why}; re-record it with \`${recordCommand(name, recorded)}\``,
    );
  }
  return messages;
}
