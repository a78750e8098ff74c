/** What `--list` shows of a property. */
export interface ListedProperty {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly grade?: string;
}

/** `--list`: one line per property (id, grade, title), its source (seed section or fact) indented below. */
export function propertyList(properties: readonly ListedProperty[]): string {
  const idWidth = Math.max(0, ...properties.map((property) => property.id.length));
  const lines = properties.flatMap((property) => [`${property.id.padEnd(idWidth)}  ${(property.grade ?? 'must').padEnd(6)}  ${property.title}`, `${' '.repeat(idWidth + 10)}${property.source}`]);
  return `${lines.join('\n')}\n`;
}
