// Aligned columns for terminal views; widths measured without colour codes.
const visibleLength = (text: string) => text.replace(/\u001b\[\d+m/g, '').length;

export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(visibleLength(header), ...rows.map((row) => visibleLength(row[column] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - visibleLength(cell))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
