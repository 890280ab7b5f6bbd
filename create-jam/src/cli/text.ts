// Plain text laid out for a terminal of a given width.

/** `text` in lines of at most `width` characters, broken between words (a word longer than a line is cut); a paragraph's later lines start with `hang`. */
export function wrap(text: string, width: number, hang = ""): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    const lines: string[] = [];
    let line: string | undefined;
    for (const word of para.split(" ")) {
      if (line !== undefined && `${line} ${word}`.length <= width) {
        line = `${line} ${word}`;
        continue;
      }
      if (line !== undefined) lines.push(line);
      let start = `${lines.length ? hang : ""}${word}`;
      while (start.length > width) {
        lines.push(start.slice(0, width));
        start = `${hang}${start.slice(width)}`;
      }
      line = start;
    }
    out.push(...lines, line ?? "");
  }
  return out;
}
