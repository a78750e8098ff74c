/** Whether a rule id matches a name in a trace row: the id itself, or a pattern where `*` stands for any text. */
export function matchesRuleId(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(id);
}
