import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';
import type { Node } from '../core/ast';
import { calleeName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { HttpModel } from '../model';
/** Names of waits whose body the file does not show: `import { sleep } from '../utils'`, `utils.delay(ms)`. */
const DELAY_NAME = /^(?:sleep|delay|wait|pause|timeout|backoff|sleepMs|delayMs|waitMs|waitFor)$/i;

/** A call of a wait the file imports or takes from elsewhere, by its name, with its duration. */
export interface NamedDelay {
  readonly node: TSESTree.CallExpression;
  readonly duration: TSESTree.Expression;
}

const NAMED_DELAYS_KEY = {};

/**
 * Awaited calls of an imported or global wait (`await sleep(1000)` with `sleep` from another
 * module, `await utils.delay(ms)`), whose body the retry analysis cannot read: the name and a
 * first argument are the evidence. Local functions are left to the retry analysis, which reads them.
 */
export function namedDelays(model: HttpModel): readonly NamedDelay[] {
  return model.extension(NAMED_DELAYS_KEY, () => {
    const delays: NamedDelay[] = [];
    for (const call of model.file.nodesOfType(AST_NODE_TYPES.CallExpression)) {
      const first = call.arguments[0];
      if (!first || first.type === AST_NODE_TYPES.SpreadElement || call.arguments.length > 2)
        continue;
      const top = skipWrappersUp(call);
      if (top.parent?.type !== AST_NODE_TYPES.AwaitExpression) continue;
      const callee = skipWrappers(call.callee);
      const name = calleeName(call);
      if (name === undefined || !DELAY_NAME.test(name)) continue;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = model.file.variableOf(callee);
        const def = variable?.defs[0];
        const elsewhere =
          !def ||
          def.type === 'ImportBinding' ||
          (def.type === 'Variable' && isRequireLike(def.node.init));
        if (!elsewhere) continue;
      } else if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        continue;
      }
      delays.push({ node: call, duration: first });
    }
    return delays;
  });
}

function isRequireLike(init: TSESTree.Expression | null): boolean {
  let node: Node | null = init;
  while (node?.type === AST_NODE_TYPES.MemberExpression) node = node.object;
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require'
  );
}
