// A small Dockerfile reader for tests: enough of the syntax to check our own Dockerfile's structure.
// Not supported (and not used by us): heredocs and the `# escape=` directive.

export interface Instruction {
  /** Upper-cased: FROM, RUN, COPY... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with single spaces. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function parseInstructions(source: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  source.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    // Docker also skips comment and blank lines inside a continuation rather than ending it there.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = trimmed.endsWith('\\');
    const text = continues ? trimmed.slice(0, -1).trimEnd() : trimmed;
    pending = pending ? { text: `${pending.text} ${text}`.trim(), line: pending.line } : { text, line: index + 1 };
    if (continues) return;
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(pending.text)!;
    instructions.push({ keyword: keyword.toUpperCase(), args, line: pending.line });
    pending = undefined;
  });
  if (pending) throw new Error(`line ${pending.line}: a continuation runs past the end of the file`);
  return instructions;
}

const LEADING_FLAG = /^--([\w-]+)(?:=(\S*))?\s*/;

/** Leading `--name=value` flags (`--from=build`, `--mount=...`) and the text after them. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  let match: RegExpExecArray | null;
  while ((match = LEADING_FLAG.exec(rest))) {
    flags[match[1]] = match[2] ?? 'true';
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

/** The JSON array of an exec-form CMD/ENTRYPOINT/HEALTHCHECK CMD, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : undefined;
}

/** Groups instructions by build stage; instructions before the first FROM (only ARG is legal) are dropped. */
export function splitStages(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = splitFlags(instruction.args).rest.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}
