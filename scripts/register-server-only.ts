// Side effect only: lets Node (under tsx) load lib/ code that imports "server-only".
//
// That marker package throws unless it is resolved under the "react-server"
// export condition, as Next's bundler does for server code. Plain Node does not
// set that condition, and passing `--conditions=react-server` to the whole
// process would switch React and other packages to their server builds too.
// So this resolve hook adds the condition for the "server-only" specifier
// alone, which resolves it to the package's own empty module.
//
// Hooks apply only to modules resolved after this runs: import this file
// first, then load lib/ code with a dynamic import().
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  }
  return nextResolve(specifier, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
