// A sibling module's URL with the caller's own extension: `.ts` when the lake runs from its
// sources (the repository, Node's type stripping), `.js` when it runs from its build (dist/).
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base)
}
