import type { Node, Tree } from './bicepParser';

export interface Decorator {
  name: string;
  args: Node[];
}

export interface Declaration {
  kind: 'param' | 'var' | 'resource' | 'module' | 'output';
  name: string;
  node: Node;
  decorators: Decorator[];
  /** param/output: the type's text; resource/module: the type or path string. */
  type?: string;
  /** A conditional resource/module: the condition's text, `(enableDeleteLock)`. */
  condition?: string;
  /** param default, var value, resource/module body. */
  value?: Node;
  line: number;
}

const kinds: Record<string, Declaration['kind']> = {
  parameter_declaration: 'param',
  variable_declaration: 'var',
  resource_declaration: 'resource',
  module_declaration: 'module',
  output_declaration: 'output',
};

/** Top-level declarations with their decorators (which tree-sitter-bicep gives as a preceding sibling). */
export function declarations(tree: Tree): Declaration[] {
  const result: Declaration[] = [];
  let pending: Decorator[] = [];
  for (const node of tree.rootNode.namedChildren) {
    if (!node) continue;
    if (node.type === 'decorators') {
      pending = node.namedChildren.flatMap((d) => {
        const call = d?.namedChildren[0];
        if (!call || call.type !== 'call_expression') return [];
        const fn = call.childForFieldName('function')?.text ?? call.namedChildren[0]?.text ?? '';
        const args =
          call.namedChildren
            .find((c) => c?.type === 'arguments')
            ?.namedChildren.filter((a): a is Node => !!a) ?? [];
        return [{ name: fn, args }];
      });
      continue;
    }
    const kind = kinds[node.type];
    if (!kind) {
      pending = [];
      continue;
    }
    const named = node.namedChildren.filter((c): c is Node => !!c);
    const [id, second, third] = named;
    const decl: Declaration = {
      kind,
      name: id?.text ?? '',
      node,
      decorators: pending,
      line: node.startPosition.row + 1,
    };
    if (kind === 'param' || kind === 'output') {
      decl.type = second?.text;
      decl.value = third;
    } else if (kind === 'var') {
      decl.value = second;
    } else {
      decl.type = stringValue(second);
      decl.value = named[named.length - 1];
      // `resource x '...' = if (condition) { ... }`: the body is the if statement's object.
      if (decl.value?.type === 'if_statement') {
        decl.condition = decl.value.namedChildren[0]?.text;
        decl.value = decl.value.namedChildren.find((c) => c?.type === 'object') ?? undefined;
      }
    }
    result.push(decl);
    pending = [];
  }
  return result;
}

/** The text of a plain string literal ('abc'), or undefined for anything else (interpolations included). */
export function stringValue(node: Node | undefined | null): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.text.slice(1, -1);
}

/** A literal's JSON-like value: string, number, boolean, null, or undefined when not a literal. */
export function literal(node: Node | undefined | null): string | number | boolean | null | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return stringValue(node);
  if (node.type === 'number') return Number(node.text);
  if (node.type === 'boolean' || node.text === 'true' || node.text === 'false') {
    return node.text === 'true' ? true : node.text === 'false' ? false : undefined;
  }
  if (node.type === 'null') return null;
  if (node.type === 'unary_expression' && node.text.startsWith('-')) return -Number(node.text.slice(1));
  return undefined;
}

/** The properties of an object literal, keyed by name (quoted keys unquoted). */
export function objectProperties(node: Node | undefined | null): Map<string, Node> {
  const map = new Map<string, Node>();
  if (!node || node.type !== 'object') return map;
  for (const property of node.namedChildren) {
    if (!property || property.type !== 'object_property') continue;
    const [key, value] = property.namedChildren;
    if (!key || !value) continue;
    const name = key.type === 'string' ? (stringValue(key) ?? key.text) : key.text;
    map.set(name, value);
  }
  return map;
}

/** Follows a dotted path through nested object literals. */
export function propertyAt(node: Node | undefined | null, path: string): Node | undefined {
  let current: Node | undefined | null = node;
  for (const part of path.split('.')) {
    current = objectProperties(current).get(part);
    if (!current) return undefined;
  }
  return current ?? undefined;
}

export function arrayItems(node: Node | undefined | null): Node[] {
  if (!node || node.type !== 'array') return [];
  return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
}

export function decorator(decl: Declaration, name: string): Decorator | undefined {
  return decl.decorators.find((d) => d.name === name);
}
