import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../analysis/core/node-types';

import { isBodyPresenceChecked } from '../analysis/client/body-presence';
import { isParseFailureHandled } from '../analysis/client/parse-handling';
import { readsAttributedResponse } from '../analysis/client/reassigned-response';
import { methodAtParse } from '../analysis/client/call-site-method';
import type { BodyParse, Node } from '../analysis';
import {
  literalString,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../analysis';
import { admitsNoContent, NO_CONTENT } from '../analysis/client/no-content';
import {
  dereferences,
  isDereferencedLater,
  isTypeScriptFile,
  nullFitsDeclaredType,
  parseValueAbsorbsNull,
} from '../analysis/core/value-use';
import { createRule, perOptions } from '../util/create-rule';
import type { FixCondition } from '../util/fix-or-suggest';
import { fixOrSuggest } from '../util/fix-or-suggest';

type Options = [{ methods?: string[]; checkDynamicMethods?: boolean }];
type MessageIds =
  | 'method'
  | 'methodFromCaller'
  | 'dynamic'
  | 'admitsNoContent'
  | 'head'
  | 'suggestHeaders'
  | 'suggestGet'
  | 'suggestParseText'
  | 'suggestGuard'
  | 'suggestSkipParse';

const STATUS_CODE = 'statusCode';

/** Parents in which a conditional expression needs no parentheses. */
const LOOSE_CONTEXTS = new Set<string>([
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.AssignmentPattern,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.JSXExpressionContainer,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.YieldExpression,
]);

/**
 * The expression a guard wraps: the parse with its `await` and type assertions. Undefined when the
 * value is used in a way that would throw on null instead (`(await res.json()).id`, `const { id } = …`).
 */
function guardTarget(parse: BodyParse): Node | undefined {
  let target: Node = skipWrappersUp(parse.node);
  if (target.parent?.type === AST_NODE_TYPES.AwaitExpression)
    target = skipWrappersUp(target.parent);
  const parent = target.parent;
  return parent && !dereferences(parent, target) ? target : undefined;
}

const reportedMethodsOf = perOptions(
  (options: Options[0]) =>
    new Set((options.methods ?? ['DELETE']).map((method) => method.toUpperCase())),
);

export default createRule<Options, MessageIds>({
  name: 'no-json-on-no-content',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow parsing a response body as JSON when the response may be 204 No Content',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          methods: {
            type: 'array',
            description:
              'HTTP methods whose responses may be 204 No Content, in upper case; parses of their responses must handle 204 (the code may spell the method in any case).',
            items: { type: 'string', pattern: '^[A-Z]+$' },
            minItems: 1,
            uniqueItems: true,
          },
          checkDynamicMethods: {
            type: 'boolean',
            description:
              'Also report parses in request helpers that take the whole request from callers out of sight (the URL, and the method through a parameter, an options object or a spread), since those callers can send one of `methods` through them.',
          },
        },
      },
    ],
    defaultOptions: [{ methods: ['DELETE'], checkDynamicMethods: true }],
    messages: {
      method:
        '{{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      methodFromCaller:
        'This request is sent with {{method}} (by the call on line {{line}}), and {{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      dynamic:
        'The method of this request comes from the caller, so it may be {{method}}, and {{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      admitsNoContent:
        'This code lets a 204 No Content response reach {{parse}}, but a 204 has no body: the parse would throw. Check for 204 before parsing.',
      head: 'HEAD responses never have a body: {{parse}} would throw. Read the status and headers instead.',
      suggestHeaders: 'Read the response headers instead of parsing a body.',
      suggestGet: 'Send GET instead of HEAD, to receive a body.',
      suggestParseText: 'Read the body as text and parse it only when it is not empty.',
      suggestGuard: 'Use null as the body of a 204 No Content response.',
      suggestSkipParse: 'Parse the body only when the status is not 204 No Content.',
    },
  },
  check(context, model, options) {
    if (model.bodyParses.length === 0) return;
    const [settings] = options();
    const reportedMethods = reportedMethodsOf(settings);
    const checkDynamicMethods = settings.checkDynamicMethods ?? true;
    const sourceCode = context.sourceCode;
    let typescript: boolean | undefined;
    const isTypeScript = (): boolean => (typescript ??= isTypeScriptFile(context.filename));
    // A parse can be attributed to several responses (`cond ? await fetch(a) : await fetch(b)`): report it once.
    const reported = new Set<Node>();
    for (const parse of model.bodyParses) {
      if (!reported.has(parse.node) && checkParse(parse)) reported.add(parse.node);
    }

    /** Reports the parse if the response may have no body there; returns whether it reported. */
    function checkParse(parse: BodyParse): boolean {
      if (
        !parse.throwsOnEmpty ||
        !readsAttributedResponse(model.file, parse) ||
        isParseFailureHandled(parse)
      )
        return false;
      const parseName = parse.kind === 'json' ? '.json()' : 'JSON.parse()';
      const { method, calls } = methodAtParse(model, parse);

      // HEAD: never a body, whatever the status or the headers say.
      if (method.methods?.has('HEAD')) {
        const own = calls.length === 0;
        context.report({
          node: parse.node,
          messageId: 'head',
          data: { parse: parseName },
          suggest: own ? headSuggestions(parse) : [],
        });
        return true;
      }

      const subject = parse.response?.subject;
      if (subject && !model.statusesAt(parse.node, subject).statuses.has(NO_CONTENT)) return false;
      if (isBodyPresenceChecked(model.file, parse)) return false;

      const { fix, suggest } = fixesOf(parse);
      const fromCall = calls.find(
        (c) => c.method.methods && [...c.method.methods].some((m) => reportedMethods.has(m)),
      );
      const hit = method.methods
        ? [...method.methods].find((m) => reportedMethods.has(m))
        : undefined;
      if (fromCall) {
        const callMethod = [...fromCall.method.methods!].find((m) => reportedMethods.has(m))!;
        context.report({
          node: parse.node,
          messageId: 'methodFromCaller',
          data: {
            method: callMethod,
            parse: parseName,
            line: String(fromCall.call.loc.start.line),
          },
          fix,
          suggest,
        });
        return true;
      }
      if (hit) {
        context.report({
          node: parse.node,
          messageId: 'method',
          data: { method: hit, parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      if (!method.methods && method.forwarded && checkDynamicMethods && reportedMethods.size > 0) {
        context.report({
          node: parse.node,
          messageId: 'dynamic',
          data: { method: [...reportedMethods].join(' or '), parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      if (subject && admitsNoContent(model, parse.node, subject)) {
        context.report({
          node: parse.node,
          messageId: 'admitsNoContent',
          data: { parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      return false;
    }

    /**
     * The guard as an autofix where it leaves working code working (CONTRIBUTING.md, "Autofix or
     * suggestion"), else as a suggestion; for ky's `.json()` on the request, a text-then-parse suggestion.
     */
    function fixesOf(
      parse: BodyParse,
    ): Pick<TSESLint.ReportDescriptor<MessageIds>, 'fix' | 'suggest'> {
      const guard = guardEdit(parse);
      if (!guard) {
        const suggestion = parseTextSuggestion(parse);
        return { suggest: suggestion ? [suggestion] : [] };
      }
      const messageId = guard.statement ? 'suggestSkipParse' : 'suggestGuard';
      return fixOrSuggest(guard.edit, { messageId }, guard.unshown);
    }

    /**
     * `await res.json()` → `res.status === 204 ? null : await res.json()`; `JSON.parse(text)` →
     * `JSON.parse(text || 'null')`; the statement `await res.json();`, whose value is unused, →
     * `if (res.status !== 204) await res.json();`. With what the edit cannot show from the code.
     */
    function guardEdit(
      parse: BodyParse,
    ):
      | { edit: TSESLint.ReportFixFunction; unshown: FixCondition[]; statement: boolean }
      | undefined {
      if (parse.kind === 'json-parse-text') {
        const argument = parse.node.arguments[0];
        if (
          !argument ||
          argument.type === AST_NODE_TYPES.SpreadElement ||
          parse.node.arguments.length > 1
        )
          return undefined;
        const inner = skipWrappers(argument);
        const simple =
          ASTUtils.isParenthesized(argument, sourceCode) ||
          inner.type === AST_NODE_TYPES.Identifier ||
          inner.type === AST_NODE_TYPES.MemberExpression ||
          inner.type === AST_NODE_TYPES.CallExpression;
        const text = sourceCode.getText(argument);
        // `JSON.parse` returns `any` either way; only what is done with the null can break.
        const value = skipWrappersUp(parse.node);
        const used =
          value.parent != null &&
          (dereferences(value.parent, value) || isDereferencedLater(model.file, value));
        return {
          edit: (fixer) => fixer.replaceText(argument, `${simple ? text : `(${text})`} || 'null'`),
          unshown: used ? ['value-safe'] : [],
          statement: false,
        };
      }
      const target = guardTarget(parse);
      const status = target && statusExpression(parse);
      const addStatusTo = !status && target ? undestructuredStatus(parse) : undefined;
      if (!target || (!status && !addStatusTo)) return undefined;
      const parent = target.parent!;
      const statusText = status ?? STATUS_CODE;
      // undici: `const { body } = …` → `const { statusCode, body } = …`
      const withStatus = (fixer: TSESLint.RuleFixer, edit: TSESLint.RuleFix): TSESLint.RuleFix[] =>
        addStatusTo ? [fixer.insertTextBefore(addStatusTo, `${STATUS_CODE}, `), edit] : [edit];
      if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
        // The value is unused: a ternary would be an unused expression. Its only effect on a 204 is the throw.
        const statementText = sourceCode.getText(parent);
        return {
          edit: (fixer) =>
            withStatus(
              fixer,
              fixer.replaceText(parent, `if (${statusText} !== ${NO_CONTENT}) ${statementText}`),
            ),
          unshown: ['lint-clean'],
          statement: true,
        };
      }
      const guarded = `${statusText} === ${NO_CONTENT} ? null : ${sourceCode.getText(target)}`;
      const loose =
        ASTUtils.isParenthesized(target, sourceCode) ||
        (LOOSE_CONTEXTS.has(parent.type) &&
          !(parent.type === AST_NODE_TYPES.Property && parent.key === target));
      const typeSafe =
        !isTypeScript() ||
        parseValueAbsorbsNull(parse.node, target) ||
        nullFitsDeclaredType(model.file, target);
      return {
        edit: (fixer) =>
          withStatus(fixer, fixer.replaceText(target, loose ? guarded : `(${guarded})`)),
        unshown: [
          !typeSafe && 'type-safe',
          isDereferencedLater(model.file, target) && 'value-safe',
        ].filter((c): c is FixCondition => c !== false),
        statement: false,
      };
    }

    /**
     * For undici's `const { body } = await request(u)` … `body.json()`: the first property of the
     * pattern, before which `statusCode` can be destructured too (no rest element, no `statusCode`
     * in scope that it would shadow).
     */
    function undestructuredStatus(parse: BodyParse): Node | undefined {
      const response = parse.response;
      const bodyProperty = response?.request.client.bodyParses.bodyProperty;
      const receiver = skipWrappers(parse.receiver);
      if (!response || !bodyProperty || receiver.type !== AST_NODE_TYPES.Identifier)
        return undefined;
      const variable = model.file.variableOf(receiver);
      const def = variable?.defs[0];
      if (
        def?.type !== 'Variable' ||
        def.node.id.type !== AST_NODE_TYPES.ObjectPattern ||
        !def.node.init
      )
        return undefined;
      let init: Node = skipWrappers(def.node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipWrappers(init.argument);
      if (init !== response.request.node && !response.subject.isHolder(init)) return undefined;
      const pattern = def.node.id;
      if (
        pattern.properties.some(
          (p) => p.type === AST_NODE_TYPES.RestElement || propertyKeyName(p) === STATUS_CODE,
        )
      )
        return undefined;
      // `statusCode` must be free where it is declared and where it is read.
      const declared = sourceCode.getScope(def.node);
      const clash = (scope: TSESLint.Scope.Scope): boolean =>
        ASTUtils.findVariable(scope, STATUS_CODE) != null ||
        scope.through.some((r) => r.identifier.name === STATUS_CODE);
      if (clash(declared) || clash(sourceCode.getScope(parse.node))) return undefined;
      return pattern.properties[0];
    }

    /**
     * `ky.delete(u).json()` → `ky.delete(u).text().then((text) => (text ? JSON.parse(text) : null))`, where no
     * guard can be written. A suggestion: ky's `.json()` also sets `Accept: application/json`.
     */
    function parseTextSuggestion(
      parse: BodyParse,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (parse.kind !== 'json' || !guardTarget(parse)) return undefined;
      const callee = skipWrappers(parse.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || parse.node.optional)
        return undefined;
      const typeArguments = parse.node.typeArguments;
      const returnType =
        typeArguments?.params.length === 1
          ? `: ${sourceCode.getText(typeArguments.params[0])} | null`
          : '';
      const object = sourceCode.getText(callee.object);
      const objectText = ASTUtils.isParenthesized(callee.object, sourceCode)
        ? `(${object})`
        : object;
      const replacement = `${objectText}.text().then((text)${returnType} => (text ? JSON.parse(text) : null))`;
      return {
        messageId: 'suggestParseText',
        fix: (fixer) => fixer.replaceText(parse.node, replacement),
      };
    }

    /** The expression that reads the status at the parse: `res.status`, or undici's destructured `statusCode`. */
    function statusExpression(parse: BodyParse): string | undefined {
      const response = parse.response;
      if (!response) return undefined;
      const receiver = skipWrappers(parse.receiver);
      const property = response.request.client.statusProperty;
      if (receiver.type === AST_NODE_TYPES.Identifier && response.subject.isHolder(receiver)) {
        // `res?.json()` → `res?.status`; `res!.json()` → `res!.status`.
        const callee = skipWrappers(parse.node.callee);
        const optional = callee.type === AST_NODE_TYPES.MemberExpression && callee.optional;
        const nonNull =
          parse.receiver.type === AST_NODE_TYPES.TSNonNullExpression &&
          parse.receiver.expression === receiver;
        return `${receiver.name}${nonNull ? '!' : ''}${optional ? '?.' : '.'}${property}`;
      }
      const bodyProperty = response.request.client.bodyParses.bodyProperty;
      if (!bodyProperty) return undefined;
      // undici: `res.body.json()`
      if (
        receiver.type === AST_NODE_TYPES.MemberExpression &&
        memberName(receiver) === bodyProperty
      ) {
        const holder = skipWrappers(receiver.object);
        return holder.type === AST_NODE_TYPES.Identifier && response.subject.isHolder(holder)
          ? `${holder.name}.${property}`
          : undefined;
      }
      // undici: `const { statusCode, body } = await request(u)` … `body.json()`
      return response.subject.statusVariables
        .map((variable) => variable.name)
        .find((name) => {
          const found = ASTUtils.findVariable(sourceCode.getScope(parse.node), name);
          return (
            found != null &&
            response.subject.statusVariables.includes(found) &&
            found.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator
          );
        });
    }

    function headSuggestions(
      parse: BodyParse,
    ): Array<TSESLint.SuggestionReportDescriptor<MessageIds>> {
      const suggestions: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
      const response = parse.response;
      const receiver = skipWrappers(
        parse.kind === 'json' ? parse.receiver : (parse.textCall?.callee as Node),
      );
      const holder =
        parse.kind === 'json'
          ? receiver
          : receiver.type === AST_NODE_TYPES.MemberExpression
            ? skipWrappers(receiver.object)
            : undefined;
      if (
        response &&
        holder?.type === AST_NODE_TYPES.Identifier &&
        response.subject.isHolder(holder)
      ) {
        const headers =
          response.request.client.headerStyle === 'get'
            ? `Object.fromEntries(${holder.name}.headers)`
            : `${holder.name}.headers`;
        suggestions.push({
          messageId: 'suggestHeaders',
          fix: (fixer) => fixer.replaceText(parse.node, headers),
        });
      }
      const getFix = headToGet(parse);
      if (getFix) suggestions.push({ messageId: 'suggestGet', fix: getFix });
      return suggestions;
    }

    /** `method: 'HEAD'` → `method: 'GET'`; `ky.head(u)` → `ky.get(u)`. */
    function headToGet(parse: BodyParse): TSESLint.ReportFixFunction | undefined {
      const methodNode = parse.request.method.node;
      if (methodNode) {
        const value = skipWrappers(methodNode);
        const text = literalString(value);
        if (text?.toUpperCase() !== 'HEAD') return undefined;
        const raw = sourceCode.getText(value);
        return (fixer) =>
          fixer.replaceText(
            value,
            `${raw[0]}${text === text.toLowerCase() ? 'get' : 'GET'}${raw.at(-1)}`,
          );
      }
      const callee = skipWrappers(parse.request.node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        memberName(callee) === 'head'
      ) {
        const property = callee.property as TSESTree.Identifier;
        return (fixer) => fixer.replaceText(property, 'get');
      }
      return undefined;
    }
  },
});
