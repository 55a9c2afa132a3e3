/** `%NAME%` in binding properties refers to an app setting, as in the real host. */
export function resolveSetting(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (_, name: string) => {
    const resolved = env[name];
    if (resolved === undefined) throw new Error(`App setting ${name} (used as %${name}%) is not set`);
    return resolved;
  });
}
