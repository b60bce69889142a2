// Colour only when writing to a terminal and NO_COLOR is not set; plain text everywhere else.
export type Style = { green(text: string): string; red(text: string): string; yellow(text: string): string; bold(text: string): string; dim(text: string): string };

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function createStyle(colour: boolean): Style {
  if (!colour) return { green: plain, red: plain, yellow: plain, bold: plain, dim: plain };
  return { green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), bold: ansi(1, 22), dim: ansi(2, 22) };
}
