import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/testApp';

const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

describe('what a new user reads first', () => {
  it('the README names the walk-through tools and where the TOTP code goes', () => {
    const readme = read('README.md');
    const twoCommands = readme.slice(
      readme.indexOf('## Two commands'),
      readme.indexOf('### What `npm start`'),
    );
    expect(twoCommands).toMatch(/`jq`/);
    expect(twoCommands).toMatch(/`curl`/);
    expect(readme).toMatch(/TOTP code, sent as `totp_code`/);
  });

  it('docs/architecture.md links nothing outside the repository and promises no later work', () => {
    const architecture = read('docs', 'architecture.md');
    expect(architecture).not.toMatch(/\.\.\/shared|DESIGN\.md/);
    expect(architecture).not.toMatch(/later work/i);
    for (const [, target] of architecture.matchAll(/\]\(([^)#]+)\)/g))
      if (!/^https?:/.test(target as string)) expect(() => read('docs', target as string)).not.toThrow();
  });
});
