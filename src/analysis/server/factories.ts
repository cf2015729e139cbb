import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  enclosingFunction,
  findProperty,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { ResponseFactory, ServerFramework } from '../libraries/frameworks';
import { SERVER_FRAMEWORKS } from '../libraries/frameworks';
import { resultObjectNeedles } from '../core/text-anchors';
import { insertStatusProperty } from '../../fixes/objects';
import { statusText } from '../../fixes/status-text';
import type { ServerContext } from './context';
import { acceptedBy } from './context';
import { bodylessFactorySend } from './edits';
import { stringifiedValue } from './error-body';
import { constantOrUnknown, initStatus, isStatusNumber, spreadAfter } from './send-status';
import { noteStatus } from './status-arguments';
import type { SendStatus, StatusFixer } from './types';

export const RESULT_OBJECT_FRAMEWORKS = SERVER_FRAMEWORKS.filter(
  (framework) => framework.resultObject,
);

/** The text each result object row needs (`resultObjectNeedles`), computed once. */
const RESULT_OBJECT_NEEDLES = new Map(
  RESULT_OBJECT_FRAMEWORKS.map((framework) => [
    framework,
    resultObjectNeedles(framework.resultObject!),
  ]),
);

/** Test-double APIs: a response built for them stands in for a server, often a wrong one on purpose. */
export const MOCK_METHOD = /^(?:mock[A-Z]\w*|resolves|returns|callsFake|fn)$/;

/** `Response.json(b, init)`, `new Response(JSON.stringify(b), init)`, `NextResponse.json`, SvelteKit `json`, Remix `json`, RR `data`. */
export function addFactorySend(
  ctx: ServerContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  framework: ServerFramework,
  factory: ResponseFactory,
): void {
  if (isInTestDouble(call)) return;
  const body = call.arguments[0];
  if (!body || body.type === AST_NODE_TYPES.SpreadElement) return;
  const init = call.arguments[1];
  let status: SendStatus;
  let setStatus: StatusFixer | undefined;
  if (!init) {
    status = { kind: 'default', value: 200 };
    setStatus = (fixer, code) => [fixer.insertTextAfter(body, `, { status: ${code} }`)];
  } else {
    const inner = skipWrappers(init);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      const fromInit = initStatus(ctx, inner);
      status = fromInit.status;
      setStatus = fromInit.fixerFor(status);
    } else if (factory.init === 'init-or-status' && isStatusNumber(ctx, inner)) {
      status = constantOrUnknown(ctx, inner);
    } else {
      status = { kind: 'unknown' };
    }
    if (status.kind === 'constant') {
      const node = status.node;
      setStatus = (fixer, code) => [
        fixer.replaceText(node, statusText(ctx.file.sourceCode, node, code)),
      ];
    }
  }
  ctx.sends.push({
    node: call,
    framework,
    body,
    encoding: factory.body === 'value' ? 'json' : 'raw',
    factory,
    handler: undefined,
    status,
    setStatus,
    bodyOnNullStatus: 'throws',
    removeBody: bodylessFactorySend(ctx, call, factory, body, init),
  });
}

/** AWS Lambda proxy results `{ statusCode, body: JSON.stringify(b) }`, Azure `{ status, jsonBody }`. */
export function findResultObjects(ctx: ServerContext): void {
  const rows = RESULT_OBJECT_FRAMEWORKS;
  // Candidates without a walk: a stringified body is a `JSON.stringify` call, found through the
  // references to `JSON`; other shapes need their body key in the text before objects are scanned.
  const candidates = new Set<TSESTree.ObjectExpression>();
  for (const framework of rows) {
    const shape = framework.resultObject;
    if (shape!.body === 'string') {
      // The references to `JSON` are fewer than the characters of the text.
      for (const object of objectsWithStringifiedProperty(ctx, shape!.bodyKey))
        candidates.add(object);
    } else if (
      RESULT_OBJECT_NEEDLES.get(framework)!.every((needle) => ctx.file.textIncludes(needle))
    ) {
      // The keys must be written: text searches cost less than a look at every object.
      for (const object of ctx.file.nodesOfType(AST_NODE_TYPES.ObjectExpression))
        candidates.add(object);
    }
  }
  for (const object of [...candidates].sort((a, b) => a.range[0] - b.range[0])) {
    for (const framework of rows) {
      const shape = framework.resultObject!;
      const bodyProperty = findProperty(object, shape.bodyKey);
      if (!bodyProperty) continue;
      const statusProperty = findProperty(object, shape.statusKey);
      if (!statusProperty && !shape.statusOptional) continue;
      if (shape.body === 'string' && !stringifiedValue(bodyProperty.value)) continue;
      if (!enclosingFunction(object)) continue;
      let status: SendStatus;
      let setStatus: StatusFixer | undefined;
      if (statusProperty && spreadAfter(object, statusProperty)) {
        status = { kind: 'unknown' };
      } else if (statusProperty) {
        noteStatus(ctx, statusProperty.value, framework, acceptedBy(framework));
        status = constantOrUnknown(ctx, statusProperty.value);
        if (status.kind === 'constant') {
          const node = status.node;
          setStatus = (fixer, code) => [
            fixer.replaceText(node, statusText(ctx.file.sourceCode, node, code)),
          ];
        }
      } else if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) {
        status = { kind: 'unknown' };
      } else {
        status = { kind: 'default', value: framework.defaultStatus ?? 200 };
        setStatus = (fixer, code) => [
          insertStatusProperty(ctx.file.sourceCode, fixer, object, shape.statusKey, code),
        ];
      }
      ctx.sends.push({
        node: object,
        framework,
        body: bodyProperty.value,
        encoding: shape.body === 'value' ? 'json' : 'raw',
        handler: undefined,
        status,
        setStatus,
        bodyOnNullStatus: framework.bodyOnNullStatus,
        removeBody: undefined,
      });
      break;
    }
  }
}

/** Object literals with `key: JSON.stringify(…)`. */
export function objectsWithStringifiedProperty(
  ctx: ServerContext,
  key: string,
): TSESTree.ObjectExpression[] {
  const objects: TSESTree.ObjectExpression[] = [];
  for (const { identifier } of ctx.file.referencesNamed('JSON')) {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const call = skipWrappersUp(member).parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      skipWrappers(call.callee) !== member ||
      !stringifiedValue(call)
    )
      continue;
    const value = skipWrappersUp(call);
    const property = value.parent;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      property.value === value &&
      property.parent.type === AST_NODE_TYPES.ObjectExpression &&
      propertyKeyName(property) === key
    ) {
      objects.push(property.parent);
    }
  }
  return objects;
}

/** `vi.fn(() => new Response(…))`, `fetchMock.mockResolvedValue(Response.json(…))`: a test double. */
export function isInTestDouble(node: Node): boolean {
  let depth = 0;
  for (let current = node.parent; current && depth < 6; current = current.parent, depth++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = memberName(skipWrappers(current.callee));
    if (name !== undefined && MOCK_METHOD.test(name)) return true;
  }
  return false;
}
