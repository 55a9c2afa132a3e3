import { boundedScopes, type ScopeSpec } from '../../src/sync/pullScope';

const spec = (group: string, modules: ScopeSpec['modules'] = ['primeromodule-cp']): ScopeSpec => ({
  reach: 'group',
  modules,
  groups: [group],
  agency: 'agency-unicef',
});

describe('boundedScopes', () => {
  it('keeps a few distinct earlier scopes as they are', () => {
    expect(boundedScopes([spec('a'), spec('b'), spec('a')])).toEqual([spec('a'), spec('b')]);
  });

  it('collapses many into one that covers all of them, so that no tombstone is missed', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((g) => spec(g)).concat(spec('f', ['primeromodule-gbv']));
    expect(boundedScopes(many)).toEqual([
      { reach: 'all', modules: ['primeromodule-cp', 'primeromodule-gbv'], groups: [], agency: '' },
    ]);
  });
});
