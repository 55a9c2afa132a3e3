import {
  arrayItems,
  declarations,
  decorator,
  literal,
  objectProperties,
  propertyAt,
  stringValue,
  type Declaration,
} from './bicepModel';
import { parseBicep, syntaxErrors, type Node, type Tree } from './bicepParser';
import { resolveRelative } from './infraFiles';
import { checkNoSecrets, checkSecureDefaults } from './infraPolicy';
import { checkIsolation } from './isolationPolicy';

export interface InfraReport {
  problems: string[];
  trees: Map<string, Tree>;
}

/** Parses every template and parameter file and runs every check; `problems` is empty when all is well. */
export async function checkInfra(files: Map<string, string>): Promise<InfraReport> {
  const problems: string[] = [];
  const trees = new Map<string, Tree>();
  const paramTrees = new Map<string, Tree>();
  for (const [file, text] of files) {
    const kind = file.endsWith('.bicepparam') ? 'bicepparam' : file.endsWith('.bicep') ? 'bicep' : undefined;
    if (!kind) continue;
    const tree = await parseBicep(text, kind);
    for (const error of syntaxErrors(tree)) problems.push(`${file}:${error}`);
    (kind === 'bicep' ? trees : paramTrees).set(file, tree);
  }
  problems.push(...checkModules(trees));
  for (const [file, tree] of paramTrees) problems.push(...checkParamFile(file, tree, trees));
  for (const [file, text] of files)
    if (file.endsWith('.parameters.json')) problems.push(...checkJsonParams(file, text, trees));
  problems.push(...checkSecureDefaults(trees));
  problems.push(...checkIsolation(trees));
  problems.push(...checkNoSecrets(files));
  return { problems, trees };
}

const params = (tree: Tree) => declarations(tree).filter((d) => d.kind === 'param');

/** Every module path exists; every param passed is declared there; every required one is passed. */
function checkModules(trees: Map<string, Tree>): string[] {
  const problems: string[] = [];
  for (const [file, tree] of trees) {
    for (const module of declarations(tree).filter((d) => d.kind === 'module')) {
      const target = resolveRelative(file, module.type ?? '');
      const moduleTree = trees.get(target);
      if (!moduleTree) {
        problems.push(`${file}:${module.line} module ${module.name}: ${module.type} does not exist`);
        continue;
      }
      const declared = params(moduleTree);
      const passed = objectProperties(propertyAt(module.value, 'params'));
      for (const name of passed.keys()) {
        if (!declared.some((p) => p.name === name))
          problems.push(`${file}:${module.line} module ${module.name}: ${target} declares no param ${name}`);
      }
      for (const p of declared) {
        if (!p.value && !passed.has(p.name))
          problems.push(
            `${file}:${module.line} module ${module.name}: required param ${p.name} is not passed`,
          );
      }
    }
  }
  return problems;
}

/** A .bicepparam sets only declared params, with the right type and allowed values, and every required one. */
function checkParamFile(file: string, tree: Tree, trees: Map<string, Tree>): string[] {
  const problems: string[] = [];
  const using = tree.rootNode.namedChildren.find((n) => n?.type === 'using_statement');
  const target = resolveRelative(file, stringValue(using?.namedChildren[0]) ?? '');
  const template = trees.get(target);
  if (!template) return [`${file}: using '${target}' does not name a template`];
  const declared = new Map(params(template).map((p) => [p.name, p]));
  const set = declarations(tree).filter((d) => d.kind === 'var'); // `param x = v`, parsed as var
  for (const assignment of set) {
    const param = declared.get(assignment.name);
    if (!param) {
      problems.push(`${file}:${assignment.line} param ${assignment.name} is not declared in ${target}`);
      continue;
    }
    problems.push(...checkValue(file, assignment, param));
  }
  for (const param of declared.values()) {
    if (!param.value && !set.some((s) => s.name === param.name))
      problems.push(`${file}: required param ${param.name} is not set`);
  }
  return problems;
}

const typeOfNode: Record<string, string> = {
  string: 'string',
  number: 'int',
  object: 'object',
  array: 'array',
  boolean: 'bool',
  true: 'bool',
  false: 'bool',
};

function checkValue(file: string, assignment: Declaration, param: Declaration): string[] {
  const where = `${file}:${assignment.line} param ${param.name}`;
  const node = assignment.value as Node;
  const actualType =
    typeOfNode[node.type] ?? (node.text === 'true' || node.text === 'false' ? 'bool' : undefined);
  if (actualType && actualType !== param.type) return [`${where}: expects ${param.type}, got ${actualType}`];
  const value = literal(node);
  if (value === undefined) return []; // an expression: its type is the template's business
  const problems: string[] = [];
  const allowed = decorator(param, 'allowed');
  if (allowed) {
    const options = arrayItems(allowed.args[0]).map(literal);
    if (!options.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not an allowed value`);
  }
  const bound = (name: string) => {
    const d = decorator(param, name);
    return d ? Number(d.args[0]?.text) : undefined;
  };
  const length = typeof value === 'string' ? value.length : undefined;
  const [minLength, maxLength, minValue, maxValue] = ['minLength', 'maxLength', 'minValue', 'maxValue'].map(
    bound,
  );
  if (length !== undefined && minLength !== undefined && length < minLength)
    problems.push(`${where}: shorter than ${minLength}`);
  if (length !== undefined && maxLength !== undefined && length > maxLength)
    problems.push(`${where}: longer than ${maxLength}`);
  if (typeof value === 'number' && minValue !== undefined && value < minValue)
    problems.push(`${where}: below ${minValue}`);
  if (typeof value === 'number' && maxValue !== undefined && value > maxValue)
    problems.push(`${where}: above ${maxValue}`);
  if (param.name === 'environmentName' && typeof value === 'string' && !/^[a-z0-9]+$/.test(value)) {
    problems.push(`${where}: only lowercase letters and digits (it becomes part of resource names)`);
  }
  return problems;
}

/** azd's `<module>.parameters.json`: every parameter it sets is declared, every required one is set. */
function checkJsonParams(file: string, text: string, trees: Map<string, Tree>): string[] {
  const template = trees.get(file.replace(/\.parameters\.json$/, '.bicep'));
  if (!template) return [`${file}: no template beside it`];
  let set: string[];
  try {
    set = Object.keys((JSON.parse(text) as { parameters: Record<string, unknown> }).parameters ?? {});
  } catch {
    return [`${file}: not valid JSON`];
  }
  const declared = params(template);
  return [
    ...set
      .filter((name) => !declared.some((p) => p.name === name))
      .map((name) => `${file}: param ${name} is not declared`),
    ...declared
      .filter((p) => !p.value && !set.includes(p.name))
      .map((p) => `${file}: required param ${p.name} is not set`),
  ];
}
