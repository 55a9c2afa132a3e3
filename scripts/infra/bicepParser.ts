import { readFileSync } from 'node:fs';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node, Tree };

let parser: Promise<Parser> | undefined;

/** The tree-sitter-bicep grammar (wasm), loaded once. */
function getParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    // Bytes rather than a path: given a path, web-tree-sitter reads it through a dynamic import that
    // CommonJS test runners refuse.
    const language = await Language.load(
      readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')),
    );
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parser;
}

/**
 * The grammar knows `.bicep` but not the one construct only `.bicepparam` files have: `param name = value`
 * without a type. We parse those files with that keyword mapped to `var` (same expression grammar, same
 * line numbers), so every value is still fully syntax-checked.
 */
export function bicepparamAsBicep(source: string): string {
  return source.replace(/^(\s*)param(\s+[A-Za-z_][A-Za-z0-9_]*\s*=)/gm, '$1var$2');
}

export async function parseBicep(source: string, kind: 'bicep' | 'bicepparam'): Promise<Tree> {
  const tree = (await getParser()).parse(kind === 'bicepparam' ? bicepparamAsBicep(source) : source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** Every syntax error as `line:column text`. */
export function syntaxErrors(tree: Tree): string[] {
  const errors: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      errors.push(
        `${where} ${node.isMissing ? `missing ${node.type}` : `unexpected "${node.text.slice(0, 40)}"`}`,
      );
      return;
    }
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  return errors;
}
