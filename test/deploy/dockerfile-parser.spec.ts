import { describe, expect, it } from 'vitest';
import { execForm, parseInstructions, splitFlags, splitStages } from './dockerfile-parser';

describe('dockerfile-parser', () => {
  it('joins continuation lines and skips comments and blank lines, also inside a continuation', () => {
    const source = ['# syntax=docker/dockerfile:1', '', 'FROM node:20 AS build', 'RUN a \\', '  # note', '', '    && b', 'cmd ["x"]'].join('\n');
    expect(parseInstructions(source)).toEqual([
      { keyword: 'FROM', args: 'node:20 AS build', line: 3 },
      { keyword: 'RUN', args: 'a && b', line: 4 },
      { keyword: 'CMD', args: '["x"]', line: 8 },
    ]);
  });

  it('rejects a continuation that never ends', () => {
    expect(() => parseInstructions('RUN a \\')).toThrow(/line 1/);
  });

  it('splits leading flags from the rest', () => {
    expect(splitFlags('--from=build --chown=node:node /app/dist ./dist')).toEqual({
      flags: { from: 'build', chown: 'node:node' },
      rest: '/app/dist ./dist',
    });
    expect(splitFlags('--interval=5s CMD ["node"]')).toEqual({ flags: { interval: '5s' }, rest: 'CMD ["node"]' });
  });

  it('reads exec form and groups instructions by stage', () => {
    expect(execForm('["node", "main.js"]')).toEqual(['node', 'main.js']);
    expect(execForm('node main.js')).toBeUndefined();
    const stages = splitStages(parseInstructions('FROM a AS one\nRUN x\nFROM --platform=linux/amd64 one\nUSER node'));
    expect(stages.map((s) => [s.image, s.name, s.instructions.length])).toEqual([
      ['a', 'one', 1],
      ['one', undefined, 1],
    ]);
  });
});
