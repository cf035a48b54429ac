/**
 * A small FHIRPath evaluator for the SDC calculatedExpressions of the app's Questionnaires: exactly the subset
 * those expressions use (docs/forms.md lists it), so that the forms chunk does not carry a full FHIRPath engine.
 * Anything outside the subset is refused when the expression is parsed (FhirPathSubsetError), never evaluated
 * into a silently wrong total. test/unit/questionnaires/fhirpath.test.ts checks every shipped expression against
 * the fhirpath package over generated QuestionnaireResponses.
 *
 * Subset: `%resource` and `%questionnaire`; `$this`; member navigation (`a.b`; the choice element `value` reads
 * `value[x]`); string, integer and decimal literals; the functions `where(criteria)`, `select(projection)`,
 * `iif(criterion, then[, else])` and SDC's `weight()` (the ordinalValue of a coded answer's option); the operators
 * `mod`, `+`, `<`, `<=`, `>`, `>=`, `=`, `!=`, `and`, `or`; parentheses.
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from "fhir/r4";

/** The expression uses FHIRPath outside the subset, or is not FHIRPath at all. */
export class FhirPathSubsetError extends Error {
  override name = "FhirPathSubsetError";
}

/** The environment of a calculatedExpression (SDC): the response being filled in and its Questionnaire. */
interface FhirPathEnvironment {
  resource: QuestionnaireResponse;
  questionnaire: Questionnaire;
}

/** One value of a collection, with the QuestionnaireResponse item it was read under (for weight()). */
interface Node {
  data: unknown;
  /** linkId of the enclosing QuestionnaireResponse item, when the node is an answer or an answer's value. */
  answerOf?: string;
  /** The node is `answer.value[x]` of that item. */
  isAnswerValue?: boolean;
}

type Ast =
  | { t: "literal"; value: string | number }
  | { t: "var"; name: "resource" | "questionnaire" }
  | { t: "this" }
  | { t: "member"; target: Ast | null; name: string }
  | { t: "call"; target: Ast | null; name: FunctionName; args: Ast[] }
  | { t: "binary"; op: BinaryOp; left: Ast; right: Ast };

const FUNCTIONS = {
  where: [1, 1],
  select: [1, 1],
  iif: [2, 3],
  weight: [0, 0],
} as const;
type FunctionName = keyof typeof FUNCTIONS;

/** Binary operators by precedence, lowest first (FHIRPath's order for the ones supported). */
const LEVELS = [["or"], ["and"], ["=", "!="], ["<", "<=", ">", ">="], ["+"], ["mod"]] as const;
type BinaryOp = (typeof LEVELS)[number][number];

/** FHIRPath words and symbols that exist but lie outside the subset: named in the error. */
const OUTSIDE = new Set([
  "xor",
  "implies",
  "in",
  "contains",
  "is",
  "as",
  "div",
  "true",
  "false",
  "-",
  "*",
  "/",
  "&",
  "|",
  "~",
  "!~",
  "[",
  "]",
  "{",
  "}",
]);

// ------------------------------------------------------------------------------------------------ tokens

type Token =
  | { k: "str"; v: string }
  | { k: "num"; v: number }
  | { k: "id"; v: string }
  | { k: "var"; v: string }
  | { k: "sym"; v: string };

const ESCAPES: Record<string, string> = {
  "'": "'",
  '"': '"',
  "`": "`",
  "\\": "\\",
  "/": "/",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new FhirPathSubsetError(`${what} at position ${i} of "${text}"`);
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      fail("comments are outside the supported FHIRPath subset");
    } else if (c === "'") {
      let v = "";
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === "\\") {
          const e = text.charAt(i + 1);
          const mapped = ESCAPES[e];
          if (mapped === undefined) fail(`the escape \\${e} is outside the supported FHIRPath subset`);
          v += mapped;
          i += 2;
        } else {
          v += text.charAt(i++);
        }
      }
      if (i >= text.length) fail("an unterminated string");
      i++;
      out.push({ k: "str", v });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) ?? fail("a malformed number");
      if (/^[A-Za-z_@]/.test(text.slice(i + m[0].length)))
        fail("a quantity or date literal, outside the supported FHIRPath subset,");
      out.push({ k: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) ?? fail("a malformed identifier");
      out.push({ k: "id", v: m[0] });
      i += m[0].length;
    } else if (c === "%" || c === "$") {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1)) ?? fail(`a malformed ${c} name`);
      out.push(c === "%" ? { k: "var", v: m[0] } : { k: "id", v: `$${m[0]}` });
      i += m[0].length + 1;
    } else {
      const two = text.slice(i, i + 2);
      const sym = ["<=", ">=", "!=", "!~"].includes(two) ? two : c;
      if (sym.length === 1 && !"().,+<>=-*/&|~[]{}".includes(sym)) fail(`the character "${c}"`);
      out.push({ k: "sym", v: sym });
      i += sym.length;
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ parser

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): Ast {
    if (this.tokens.length === 0) this.fail("an empty expression");
    const ast = this.binary(0);
    const rest = this.tokens[this.pos];
    if (rest) this.unexpected(rest);
    return ast;
  }

  private fail(what: string): never {
    throw new FhirPathSubsetError(`${what} in "${this.text}"`);
  }

  private unexpected(tok: Token): never {
    const shown = tok.k === "str" ? `'${tok.v}'` : String(tok.v);
    if ((tok.k === "sym" || tok.k === "id") && OUTSIDE.has(tok.v))
      this.fail(`"${shown}" is outside the supported FHIRPath subset`);
    this.fail(`unexpected "${shown}"`);
  }

  private peekOp(): string | null {
    const tok = this.tokens[this.pos];
    return tok && (tok.k === "sym" || tok.k === "id") ? tok.v : null;
  }

  private expectSym(v: string): void {
    const tok = this.tokens[this.pos];
    if (!tok) this.fail(`a missing "${v}" at the end`);
    if (tok.k !== "sym" || tok.v !== v) this.unexpected(tok);
    this.pos++;
  }

  private binary(level: number): Ast {
    const ops = LEVELS[level] as readonly string[] | undefined;
    if (!ops) return this.term();
    let left = this.binary(level + 1);
    for (let op = this.peekOp(); op !== null && ops.includes(op); op = this.peekOp()) {
      this.pos++;
      const right = this.binary(level + 1);
      left = { t: "binary", op: op as BinaryOp, left, right };
      // Comparison and equality do not chain in FHIRPath's grammar without parentheses being meant.
      if (level === 2 || level === 3) break;
    }
    return left;
  }

  private term(): Ast {
    let node = this.primary();
    for (;;) {
      const tok = this.tokens[this.pos];
      if (tok?.k !== "sym" || tok.v !== ".") return node;
      this.pos++;
      const name = this.tokens[this.pos];
      if (name?.k !== "id" || name.v.startsWith("$")) this.fail('a name expected after "."');
      this.pos++;
      node = this.invocation(node, name.v);
    }
  }

  private invocation(target: Ast | null, name: string): Ast {
    const next = this.tokens[this.pos];
    if (next?.k !== "sym" || next.v !== "(") {
      if (OUTSIDE.has(name)) this.fail(`"${name}" is outside the supported FHIRPath subset`);
      return { t: "member", target, name };
    }
    if (!(name in FUNCTIONS)) this.fail(`the function ${name}() is outside the supported FHIRPath subset`);
    const fn = name as FunctionName;
    this.pos++;
    const args: Ast[] = [];
    if (this.peekOp() !== ")") {
      args.push(this.binary(0));
      while (this.peekOp() === ",") {
        this.pos++;
        args.push(this.binary(0));
      }
    }
    this.expectSym(")");
    const [min, max] = FUNCTIONS[fn];
    if (args.length < min || args.length > max)
      this.fail(`${fn}() takes ${min === max ? min : `${min} to ${max}`} argument(s)`);
    return { t: "call", target, name: fn, args };
  }

  private primary(): Ast {
    const tok = this.tokens[this.pos];
    if (!tok) this.fail("an expression that ends too early");
    this.pos++;
    switch (tok.k) {
      case "str":
      case "num":
        return { t: "literal", value: tok.v };
      case "var":
        if (tok.v !== "resource" && tok.v !== "questionnaire")
          this.fail(`%${tok.v} is outside the supported FHIRPath subset (only %resource and %questionnaire)`);
        return { t: "var", name: tok.v };
      case "id":
        if (tok.v === "$this") return { t: "this" };
        if (tok.v.startsWith("$")) this.fail(`${tok.v} is outside the supported FHIRPath subset`);
        return this.invocation(null, tok.v);
      case "sym":
        if (tok.v === "(") {
          const inner = this.binary(0);
          this.expectSym(")");
          return inner;
        }
        this.pos--;
        return this.unexpected(tok);
    }
  }
}

// ------------------------------------------------------------------------------------------------ evaluation

/** FHIRPath's value of a JSON property: the element itself, or for a choice element `value`, its `value[x]`. */
function child(node: Node, name: string): Node[] {
  const data = node.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  let key: string | undefined = name;
  // `value` is the one choice element (value[x]) the subset reads.
  if (!(name in record) && name === "value") key = Object.keys(record).find((k) => /^value[A-Z]/.test(k));
  if (key === undefined) return [];
  const raw = record[key];
  const values = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined || raw === null ? [] : [raw];
  const itemLinkId = typeof record.linkId === "string" && name === "answer" ? record.linkId : undefined;
  return values.map((v) => {
    if (itemLinkId !== undefined) return { data: v, answerOf: itemLinkId };
    if (node.answerOf !== undefined && name === "value" && key !== name)
      return { data: v, answerOf: node.answerOf, isAnswerValue: true };
    return { data: v };
  });
}

type Scalar = string | number | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** The single value of an operand, or null for an empty collection; more than one is an error (FHIRPath). */
function single(c: Node[], what: string): unknown {
  if (c.length === 0) return null;
  if (c.length > 1) throw new FhirPathSubsetError(`${what} got a collection of ${c.length} values, not one`);
  return c[0]?.data ?? null;
}

/** A collection as a boolean (FHIRPath singleton evaluation): empty is unknown, one non-boolean value is true. */
function truth(c: Node[], what: string): boolean | null {
  const v = single(c, what);
  if (v === null) return null;
  return typeof v === "boolean" ? v : true;
}

function findQuestionnaireItem(
  items: readonly QuestionnaireItem[] | undefined,
  linkId: string,
): QuestionnaireItem | undefined {
  for (const it of items ?? []) {
    if (it.linkId === linkId) return it;
    const below = findQuestionnaireItem(it.item, linkId);
    if (below) return below;
  }
  return undefined;
}

const ORDINAL_URLS = [
  "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  "http://hl7.org/fhir/StructureDefinition/itemWeight",
];

function ordinalOf(holder: unknown): number | undefined {
  const ext = (holder as { extension?: unknown } | null)?.extension;
  if (!Array.isArray(ext)) return undefined;
  const found = (ext as { url?: unknown; valueDecimal?: unknown }[]).find(
    (e) => typeof e.url === "string" && ORDINAL_URLS.includes(e.url),
  );
  return typeof found?.valueDecimal === "number" ? found.valueDecimal : undefined;
}

/** SDC weight(): the ordinalValue of a coded answer, from the coding itself or from its answerOption. */
function weight(node: Node, env: FhirPathEnvironment): Node[] {
  const coding = node.data as { system?: unknown; code?: unknown } | null;
  if (
    !node.isAnswerValue ||
    node.answerOf === undefined ||
    typeof coding !== "object" ||
    coding === null ||
    typeof coding.code !== "string"
  ) {
    throw new FhirPathSubsetError("weight() is supported on the value of a coded QuestionnaireResponse answer only");
  }
  const own = ordinalOf(coding);
  if (own !== undefined) return [{ data: own }];
  const item = findQuestionnaireItem(env.questionnaire.item, node.answerOf);
  if (!item) throw new FhirPathSubsetError(`weight(): %questionnaire has no item ${node.answerOf}`);
  const option = item.answerOption?.find(
    (o) => o.valueCoding?.code === coding.code && o.valueCoding?.system === coding.system,
  );
  if (!option) return [];
  const w = ordinalOf(option);
  // The full engine would look the code up in a CodeSystem here; the subset refuses instead of guessing.
  if (w === undefined)
    throw new FhirPathSubsetError(`weight(): the option ${coding.code} of item ${node.answerOf} has no ordinalValue`);
  return [{ data: w }];
}

function compare(op: BinaryOp, a: unknown, b: unknown): boolean {
  const sameKind = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!sameKind)
    throw new FhirPathSubsetError(`${op} compares two numbers or two strings, not ${typeof a} and ${typeof b}`);
  return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
}

function equal(left: Node[], right: Node[]): boolean {
  if (left.length !== right.length) return false;
  return left.every((l, i) => {
    const r = right[i]?.data;
    if (!isScalar(l.data) || !isScalar(r))
      throw new FhirPathSubsetError("= and != compare strings, numbers and booleans only in this subset");
    return l.data === r;
  });
}

function binary(op: BinaryOp, left: Node[], right: Node[]): Node[] {
  if (op === "and" || op === "or") {
    const a = truth(left, op);
    const b = truth(right, op);
    if (op === "and")
      return a === false || b === false ? [{ data: false }] : a === true && b === true ? [{ data: true }] : [];
    return a === true || b === true ? [{ data: true }] : a === false && b === false ? [{ data: false }] : [];
  }
  if (op === "=" || op === "!=") {
    if (left.length === 0 || right.length === 0) return [];
    const same = equal(left, right);
    return [{ data: op === "=" ? same : !same }];
  }
  const a = single(left, op);
  const b = single(right, op);
  if (a === null || b === null) return [];
  switch (op) {
    case "+":
      if (typeof a === "number" && typeof b === "number") return [{ data: a + b }];
      if (typeof a === "string" && typeof b === "string") return [{ data: a + b }];
      throw new FhirPathSubsetError(`+ adds two numbers or two strings, not ${typeof a} and ${typeof b}`);
    case "mod": {
      if (typeof a !== "number" || typeof b !== "number") throw new FhirPathSubsetError("mod takes two numbers");
      return b === 0 ? [] : [{ data: a % b }];
    }
    default:
      return [{ data: compare(op, a, b) }];
  }
}

function evaluateAst(ast: Ast, focus: Node[], env: FhirPathEnvironment): Node[] {
  switch (ast.t) {
    case "literal":
      return [{ data: ast.value }];
    case "var":
      return [{ data: env[ast.name] }];
    case "this":
      return focus;
    case "member": {
      const input = ast.target ? evaluateAst(ast.target, focus, env) : focus;
      return input.flatMap((n) => child(n, ast.name));
    }
    case "binary":
      return binary(ast.op, evaluateAst(ast.left, focus, env), evaluateAst(ast.right, focus, env));
    case "call": {
      const input = ast.target ? evaluateAst(ast.target, focus, env) : focus;
      const [first, second, third] = ast.args;
      switch (ast.name) {
        case "where":
          return input.filter((n) => truth(evaluateAst(first as Ast, [n], env), "where()") === true);
        case "select":
          return input.flatMap((n) => evaluateAst(first as Ast, [n], env));
        case "weight":
          return input.flatMap((n) => weight(n, env));
        case "iif": {
          if (input.length > 1) throw new FhirPathSubsetError(`iif() on a collection of ${input.length} values`);
          const criterion = single(evaluateAst(first as Ast, input, env), "iif()");
          if (criterion !== null && typeof criterion !== "boolean")
            throw new FhirPathSubsetError("iif() takes a boolean criterion");
          if (criterion === true) return evaluateAst(second as Ast, input, env);
          return third ? evaluateAst(third, input, env) : [];
        }
      }
    }
  }
}

/** A parsed expression of the subset. */
export interface FhirPathExpression {
  readonly text: string;
  /** The result collection (JSON values: strings, numbers, booleans, objects such as a Coding). */
  evaluate: (env: FhirPathEnvironment) => unknown[];
}

/** Parses `text`; throws FhirPathSubsetError when it is not FHIRPath of the supported subset. */
export function compileFhirPath(text: string): FhirPathExpression {
  const ast = new Parser(tokenize(text), text).parse();
  return {
    text,
    evaluate: (env) => evaluateAst(ast, [{ data: env.resource }], env).map((n) => n.data),
  };
}
