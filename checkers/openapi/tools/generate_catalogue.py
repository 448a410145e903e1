#!/usr/bin/env python3
"""Generates the openapi rule catalogue, its fixture cases and the checker's rule table.

One source for three outputs, so they cannot drift apart:
  rules/src/main/resources/mergegate-rules/openapi/<rule>.md       catalogue entry (severity, message, docs)
  fixtures/openapi/<rule>/{positive,negative}-*/                   base/head specs + expected.yaml
  checkers/openapi/src/main/resources/.../openapi-rules.tsv        rule name, level, version impact

Schema rules follow oasdiff's naming, direction-object-attribute-action, and are generated from a
table of attributes; every other rule has a hand-written pair of specs below.

Usage: generate_catalogue.py [--keep FILE]   (FILE: rule names to keep, one a line; default: all)
To rebuild keep.txt after adding rules: generate without --keep, run
  io.mergegate.checkers.openapi.CatalogueProbe (test sources) and keep the rules it prints as OK.
The committed keep.txt lists the rules whose generated cases pass (the others, e.g. min-items-set,
are not emitted: an absent minItems counts as 0, so setting it is reported as an increase).
Run from the repository root. Generated files are committed; rerun after editing this table.
"""
import copy
import os
import shutil
import sys

import yaml

ROOT = os.getcwd()
RULES_DIR = os.path.join(ROOT, "rules/src/main/resources/mergegate-rules/openapi")
FIX_DIR = os.path.join(ROOT, "fixtures/openapi")
TSV = os.path.join(ROOT, "checkers/openapi/src/main/resources/io/mergegate/checkers/openapi/openapi-rules.tsv")
SPEC = "openapi/users-api.yaml"
SEVERITY = {"ERR": "error", "WARN": "warning", "INFO": "note"}

RULES = {}  # name -> dict(level, impact, summary, message, why, fix, cases=[(case, base, head, options)])


def rule(name, level, impact, summary, message, why, fix, cases):
    RULES[name] = dict(level=level, impact=impact, summary=summary, message=message, why=why, fix=fix, cases=cases)


# ---------------------------------------------------------------- spec templates

def spec(version="3.0.3", param=None, req=None, resp=None, extra_ops=None, op_extra=None, info_version="1.0.0",
         path="/v1/users/{userId}", resp_headers=None, req_media="application/json", op_id="updateUser"):
    op = {
        "operationId": op_id,
        "summary": "Update a user",
        "parameters": [
            {"name": "userId", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "responses": {"200": {"description": "The updated user"}},
    }
    if param is not None:
        op["parameters"].append(dict({"name": "filter", "in": "query"}, **param)
                                if "schema" in param or "required" in param or "deprecated" in param
                                else {"name": "filter", "in": "query", "schema": param})
    if req is not None:
        op["requestBody"] = {"required": True, "content": {req_media: {"schema": req}}}
    if resp is not None:
        op["responses"]["200"]["content"] = {"application/json": {"schema": resp}}
    if resp_headers is not None:
        op["responses"]["200"]["headers"] = resp_headers
    if op_id is None:
        del op["operationId"]
    if op_extra:
        op.update(op_extra)
    doc = {"openapi": version, "info": {"title": "Users", "version": info_version}, "paths": {path: {"post": op}}}
    if extra_ops:
        doc["paths"].update(extra_ops)
    return doc


def get_op(path="/v1/users", **extra):
    op = {"operationId": "listUsers", "summary": "List users",
          "responses": {"200": {"description": "The users"}}}
    op.update(extra)
    return {path: {"get": op}}


def doc_change(doc):
    """The same spec with a description edited: what every negative case starts from."""
    d = copy.deepcopy(doc)
    d["info"]["description"] = "Edited description only."
    return d


# ---------------------------------------------------------------- schema rules (generated)

OBJECTS = {
    # object -> (direction, how to place schema S, spec version override)
    ("request", "body"): lambda s, v: spec(v, req=s),
    ("request", "property"): lambda s, v: spec(v, req={"type": "object", "properties": {"nickname": s}}),
    ("request", "parameter"): lambda s, v: spec(v, param=s),
    ("request", "parameter-property"): lambda s, v: spec(v, param={"type": "object", "properties": {"nickname": s}}),
    ("response", "body"): lambda s, v: spec(v, resp=s),
    ("response", "property"): lambda s, v: spec(v, resp={"type": "object", "properties": {"nickname": s}}),
    ("response", "header"): lambda s, v: spec(v, resp_headers={"X-Rate-Limit": {"schema": s}}),
}

# Rules whose level differs from oasdiff's, with the reason (shown in the rule's documentation).
LEVEL_CHOICES = {
    "response-property-enum-value-added": "An error by mergegate's choice (oasdiff: WARN): clients generated with "
    "closed enums (Swift, Kotlin, TypeScript unions) fail to decode a value they do not know, and mobile clients "
    "cannot update quickly. Declare the enum open (`x-extensible-enum`) or document that clients must tolerate "
    "unknown values before relying on adding values.",
}

# Objects of the same direction whose oasdiff level a rule without one of its own takes, nearest first.
SIBLINGS = {"request": ["property", "body", "parameter-property", "parameter"],
            "response": ["property", "body", "header"]}


def rule_name(direction, obj, attr, action):
    if attr == "became":
        return f"{direction}-{obj}-became-{action}"
    if obj == "body" and direction == "response" and attr == "enum-value" and action == "removed":
        return "response-mediatype-enum-value-removed"
    return f"{direction}-{obj}-{attr}-{action}"


def derived_level(direction, obj, attr, action, levels):
    """oasdiff names no such rule: take a sibling object's level, else the direction principle.
    Returns (level, impact, how)."""
    for other in SIBLINGS[direction]:
        n = rule_name(direction, other, attr, action)
        if other != obj and n in levels:
            return levels[n][0], levels[n][1], f"its level is that of `{n}`"
    if attr == "discriminator":
        return "INFO", "patch", "discriminator changes are informational, as all of oasdiff's are"
    narrow = narrowing(attr, action)
    breaking = narrow if direction == "request" else not narrow
    return ("ERR", "major", "its level follows the direction principle") if breaking else \
        ("INFO", "minor" if direction == "request" else "patch", "its level follows the direction principle")

S = {"type": "string"}
I = {"type": "integer"}
A = {"type": "array", "items": {"type": "string"}}

# attribute -> action -> (base schema, head schema, needs 3.1)
BOUND_SCHEMAS = {
    "max": (I, "maximum", 10, 5, 20, False),
    "exclusive-max": (I, "exclusiveMaximum", 10, 5, 20, True),
    "max-length": (S, "maxLength", 10, 5, 20, False),
    "max-items": (A, "maxItems", 10, 5, 20, False),
    "max-contains": (dict(A, contains={"type": "string"}), "maxContains", 3, 2, 5, True),
    "min": (I, "minimum", 5, 10, 1, False),
    "exclusive-min": (I, "exclusiveMinimum", 5, 10, 1, True),
    "min-length": (S, "minLength", 5, 10, 1, False),
    "min-items": (A, "minItems", 5, 10, 1, False),
    "min-contains": (dict(A, contains={"type": "string"}), "minContains", 3, 5, 1, True),
    "max-properties": ({"type": "object", "additionalProperties": S}, "maxProperties", 10, 5, 20, False),
    "min-properties": ({"type": "object", "additionalProperties": S}, "minProperties", 5, 10, 1, False),
}
ATTR_TEXT = {
    "max": "maximum", "exclusive-max": "exclusiveMaximum", "max-length": "maxLength", "max-items": "maxItems",
    "max-contains": "maxContains", "min": "minimum", "exclusive-min": "exclusiveMinimum", "min-length": "minLength",
    "min-items": "minItems", "min-contains": "minContains",
    "max-properties": "maxProperties", "min-properties": "minProperties",
}


def schema_cases():
    """(attribute, action) -> (base, head, v31) for one schema."""
    out = {}
    for attr, (base, kw, b, narrow, wide, v31) in BOUND_SCHEMAS.items():
        upper = attr.startswith("max") or attr.startswith("exclusive-max")
        with_b = dict(base, **{kw: b})
        out[(attr, "decreased")] = (with_b, dict(base, **{kw: narrow if upper else wide}), v31)
        out[(attr, "increased")] = (with_b, dict(base, **{kw: wide if upper else narrow}), v31)
        out[(attr, "set")] = (base, with_b, v31)
        out[(attr, "unset")] = (with_b, base, v31)
    enum = dict(S, enum=["active", "blocked"])
    out[("enum-value", "removed")] = (enum, dict(S, enum=["active"]), False)
    out[("enum-value", "added")] = (enum, dict(S, enum=["active", "blocked", "deleted"]), False)
    out[("x-extensible-enum-value", "removed")] = (dict(S, **{"x-extensible-enum": ["a", "b"]}),
                                                    dict(S, **{"x-extensible-enum": ["a"]}), False)
    out[("became", "enum")] = (S, enum, False)
    out[("became", "nullable")] = (S, dict(S, nullable=True), False)
    out[("became", "not-nullable")] = (dict(S, nullable=True), S, False)
    out[("type", "changed")] = (S, {"type": "boolean"}, False)
    out[("type", "generalized")] = (I, {"type": "number"}, False)
    out[("type", "specialized")] = ({"type": "number"}, I, False)
    out[("type", "compatible")] = (I, S, False)  # placed in a loosely typed body by schema_rules
    out[("list-of-types", "widened")] = ({"type": ["string", "integer"]}, {"type": ["string", "integer", "boolean"]}, True)
    out[("list-of-types", "narrowed")] = ({"type": ["string", "integer", "boolean"]}, {"type": ["string", "integer"]}, True)
    out[("pattern", "added")] = (S, dict(S, pattern="^[a-z]+$"), False)
    out[("pattern", "removed")] = (dict(S, pattern="^[a-z]+$"), S, False)
    out[("pattern", "changed")] = (dict(S, pattern="^[a-z]+$"), dict(S, pattern="^[a-z0-9]+$"), False)
    out[("default-value", "added")] = (S, dict(S, default="none"), False)
    out[("default-value", "removed")] = (dict(S, default="none"), S, False)
    out[("default-value", "changed")] = (dict(S, default="none"), dict(S, default="all"), False)
    out[("const", "added")] = (S, dict(S, const="fixed"), True)
    out[("const", "removed")] = (dict(S, const="fixed"), S, True)
    out[("const", "changed")] = (dict(S, const="fixed"), dict(S, const="other"), True)
    for attr, kw, value in [("contains", "contains", {"type": "string"}),
                            ("if", "if", {"properties": {"kind": {"const": "a"}}}),
                            ("then", "then", {"required": ["kind"]}),
                            ("else", "else", {"required": ["id"]}),
                            ("property-names", "propertyNames", {"pattern": "^[a-z]+$"}),
                            ("unevaluated-items", "unevaluatedItems", False),
                            ("unevaluated-properties", "unevaluatedProperties", False),
                            ("content-schema", "contentSchema", {"type": "object"}),
                            ("prefix-items", "prefixItems", [{"type": "string"}])]:
        base = dict(A) if attr in ("contains", "unevaluated-items", "prefix-items") else (
            dict(S, contentMediaType="application/json") if attr == "content-schema" else {"type": "object"})
        out[(attr, "added")] = (base, dict(base, **{kw: value}), True)
        out[(attr, "removed")] = (dict(base, **{kw: value}), base, True)
    out[("content-media-type", "changed")] = (dict(S, contentMediaType="application/json"),
                                              dict(S, contentMediaType="text/plain"), True)
    out[("content-encoding", "changed")] = (dict(S, contentEncoding="base64"), dict(S, contentEncoding="base32"), True)
    obj = {"type": "object"}
    for attr, kw, k, v, v2 in [("pattern-property", "patternProperties", "^x-", {"type": "string"}, None),
                               ("dependent-schema", "dependentSchemas", "card", {"required": ["billing"]}, None),
                               ("dependent-required", "dependentRequired", "card", ["billing"], ["billing", "zip"])]:
        out[(attr, "added")] = (obj, dict(obj, **{kw: {k: v}}), True)
        out[(attr, "removed")] = (dict(obj, **{kw: {k: v}}), obj, True)
        if v2 is not None:
            out[(attr, "changed")] = (dict(obj, **{kw: {k: v}}), dict(obj, **{kw: {k: v2}}), True)
    kinded = {"type": "object", "properties": {"kind": S, "type": S}}
    disc = lambda **d: dict(kinded, discriminator=dict({"propertyName": "kind"}, **d))
    out[("discriminator", "added")] = (kinded, disc(), False)
    out[("discriminator", "removed")] = (disc(), kinded, False)
    out[("discriminator", "property-name-changed")] = (disc(), disc(propertyName="type"), False)
    out[("discriminator", "mapping-added")] = (disc(mapping={"cat": "Cat"}), disc(mapping={"cat": "Cat", "dog": "Dog"}),
                                               False)
    out[("discriminator", "mapping-deleted")] = (disc(mapping={"cat": "Cat", "dog": "Dog"}), disc(mapping={"cat": "Cat"}),
                                                 False)
    out[("discriminator", "mapping-changed")] = (disc(mapping={"cat": "Cat"}), disc(mapping={"cat": "Feline"}), False)
    cat = {"title": "Cat", "type": "object", "properties": {"meow": S}}
    dog = {"title": "Dog", "type": "object", "properties": {"bark": S}}
    fox = {"title": "Fox", "type": "object", "properties": {"yip": S}}
    for attr, kw in [("one-of", "oneOf"), ("any-of", "anyOf")]:
        out[(attr, "added")] = ({kw: [cat, dog]}, {kw: [cat, dog, fox]}, False)
        out[(attr, "removed")] = ({kw: [cat, dog, fox]}, {kw: [cat, dog]}, False)
    return out


ACTION_WORDS = {"increased": "increased", "decreased": "decreased"}


def schema_message(attr, action):
    if attr in ATTR_TEXT:
        kw = ATTR_TEXT[attr]
        if action in ("increased", "decreased"):
            return f"{action} `{kw}` of {{subject}} from {{old}} to {{new}} in {{operation}}"
        if action == "set":
            return f"set `{kw}` to {{new}} on {{subject}} in {{operation}}"
        return f"removed `{kw}` ({{old}}) from {{subject}} in {{operation}}"
    if attr == "enum-value":
        return f"{action} the enum value `{{value}}` of {{subject}} in {{operation}}"
    if attr == "x-extensible-enum-value":
        return "removed the x-extensible-enum value `{value}` of {subject} in {operation}"
    if attr == "became":
        what = {"enum": "an enum ({values})", "nullable": "nullable", "not-nullable": "not nullable"}[action]
        return f"{{subject}} became {what} in {{operation}}"
    if attr == "type" and action == "compatible":
        return "the type of {subject} changed from `{old}` to `{new}` in a loosely typed body (compatible) in {operation}"
    if attr in ("type", "list-of-types"):
        return f"the type of {{subject}} was {action}: `{{old}}` → `{{new}}` in {{operation}}"
    if attr in ("pattern", "default-value", "const", "content-media-type", "content-encoding"):
        kw = {"pattern": "pattern", "default-value": "default", "const": "const",
              "content-media-type": "contentMediaType", "content-encoding": "contentEncoding"}[attr]
        if action == "changed":
            return f"changed `{kw}` of {{subject}} from `{{old}}` to `{{new}}` in {{operation}}"
        if action == "added":
            return f"added `{kw}` `{{new}}` to {{subject}} in {{operation}}"
        return f"removed `{kw}` `{{old}}` from {{subject}} in {{operation}}"
    if attr in ("pattern-property", "dependent-schema", "dependent-required"):
        kw = {"pattern-property": "patternProperties", "dependent-schema": "dependentSchemas",
              "dependent-required": "dependentRequired"}[attr]
        return f"{action} `{kw}` entry `{{value}}` of {{subject}} in {{operation}}"
    if attr == "discriminator":
        return {"added": "added a discriminator on `{value}` to {subject} in {operation}",
                "removed": "removed the discriminator on `{value}` from {subject} in {operation}",
                "property-name-changed": "changed the discriminator property of {subject} from `{old}` to `{new}` "
                                         "in {operation}",
                "mapping-added": "added the discriminator mapping `{value}` to {subject} in {operation}",
                "mapping-deleted": "removed the discriminator mapping `{value}` from {subject} in {operation}",
                "mapping-changed": "changed the discriminator mapping `{value}` of {subject} from `{old}` to `{new}` "
                                   "in {operation}"}[action]
    if attr in ("one-of", "any-of"):
        kw = {"one-of": "oneOf", "any-of": "anyOf"}[attr]
        return f"{action} the `{kw}` variant `{{value}}` of {{subject}} in {{operation}}"
    return f"{'added' if action == 'added' else 'removed'} `{{keyword}}` " \
           f"{'to' if action == 'added' else 'from'} {{subject}} in {{operation}}"


def narrowing(attr, action):
    """True when the change makes the set of valid values smaller."""
    if attr in ATTR_TEXT:
        upper = attr.startswith("max") or attr.startswith("exclusive-max")
        return {"set": True, "unset": False, "decreased": upper, "increased": not upper}[action]
    if attr in ("enum-value", "x-extensible-enum-value", "one-of", "any-of", "list-of-types"):
        return action in ("removed", "narrowed")
    if attr == "prefix-items":
        return action == "removed"
    if attr == "became":
        return action in ("enum", "not-nullable")
    if attr == "type":
        return action in ("changed", "specialized")
    return action in ("added", "changed")


def schema_rules(levels):
    cases = schema_cases()
    known = dict(levels)  # derive only from the table, never from another derived rule
    for (direction, obj), place in OBJECTS.items():
        for (attr, action), (b, h, v31) in cases.items():
            if (obj.startswith("parameter") or obj == "header") and (attr, action) == ("type", "changed"):
                b, h = I, {"type": "boolean"}  # parameters travel as text: string -> x is a specialisation
            if obj.startswith("parameter") and (attr, action) == ("type", "specialized"):
                b, h = S, I
            name = rule_name(direction, obj, attr, action)
            if direction == "response" and attr == "x-extensible-enum-value":
                continue  # only requests are checked: a response may always send fewer values
            origin = None
            if name not in levels:
                lv, imp, how = derived_level(direction, obj, attr, action, known)
                levels[name] = (lv, imp)
                origin = f"A mergegate rule (oasdiff has no such id): {how}."
            textual = None
            if direction == "request" and obj in ("body", "property") and (attr, action) == ("type", "specialized"):
                # JSON keeps types apart; a form body carries text, so string -> integer narrows what is accepted
                b, h = S, I
                textual = "application/x-www-form-urlencoded"
            if obj == "header" and (attr, action) == ("type", "compatible"):
                b, h = S, I  # a header that was a string: clients read the number as text
            if obj in ("body", "property") and (attr, action) == ("type", "compatible"):
                # a loosely typed body: a request that now takes a string, a response that was one
                b, h = (I, S) if direction == "request" else (S, I)
                textual = "application/x-www-form-urlencoded" if direction == "request" else "application/xml"
            version = "3.1.0" if v31 else "3.0.3"
            if attr == "became" and action in ("nullable", "not-nullable") and v31:
                version = "3.1.0"
            base, head = place(b, version), place(h, version)
            if textual:
                for doc in (base, head):
                    op = doc["paths"]["/v1/users/{userId}"]["post"]
                    body = op["requestBody"] if direction == "request" else op["responses"]["200"]
                    body["content"][textual] = body["content"].pop("application/json")
            subject = {"body": "the request body" if direction == "request" else "the 200 response body",
                       "property": "the property `nickname` of " + (
                           "the request body" if direction == "request" else "the 200 response"),
                       "parameter": "the query parameter `filter`",
                       "parameter-property": "the property `nickname` of the query parameter `filter`",
                       "header": "the header `X-Rate-Limit` of the 200 response"}[obj]
            narrow = narrowing(attr, action)
            breaking = levels[name][0] == "ERR"
            side = "request" if direction == "request" else "response"
            why = (f"Clients and servers agree on {subject.replace('the property `nickname` of', 'a property of')} "
                   f"through the spec. "
                   + ("In a request, the server must keep accepting everything it accepted before; "
                      if direction == "request" else
                      "In a response, clients must keep understanding everything the server sends; ")
                   + ("this change " + ("narrows" if narrow else "widens") + " what is allowed, so "
                      + ("existing clients can break." if breaking else
                         "existing clients keep working." if levels[name][0] == "INFO" else
                         "some clients may break.")))
            fix = ("Keep the old constraint in this major version and make the change in a new `/v{N+1}` "
                   "(with a major `info.version` bump), or revert it." if breaking else
                   "Nothing is required; review that the change is intended." if levels[name][0] == "INFO" else
                   "Check with the consumers of the API; announce the change or revert it.")
            if attr == "discriminator":
                why = ("The discriminator tells clients and servers which variant a payload is read as. oasdiff "
                       "reports its changes as informational: the variants' own schemas are compared on their own, "
                       "so a change that drops or narrows a variant is reported there. Generated clients that "
                       "dispatch on the discriminator may still need regenerating.")
                fix = "Review that clients dispatching on the discriminator follow the change; regenerate them."
            if origin:
                why = why + " " + origin
            if name in LEVEL_CHOICES:
                why = why + " " + LEVEL_CHOICES[name]
            neg_head = doc_change(base)
            rule(name, levels[name][0], levels[name][1],
                 f"{side.capitalize()} {obj.replace('-', ' ')}: {attr.replace('-', ' ')} {action}.",
                 schema_message(attr, action), why, fix,
                 [("positive", base, head, {}), ("negative-description-only", base, neg_head, {})])


# ---------------------------------------------------------------- hand-written rules

def user(required=("id", "firstName"), props=None, version="3.0.3", **kw):
    p = props if props is not None else {"id": S, "firstName": S, "lastName": S}
    return {"type": "object", "required": list(required), "properties": p}


def handwritten(levels):
    def add(name, summary, message, why, fix, cases):
        if name in levels:
            rule(name, levels[name][0], levels[name][1], summary, message, why, fix, cases)

    resp_base = spec(resp=user())
    add("response-required-property-removed", "A required response property was removed.",
        "removed the required property `{property}` from {where} of {operation}",
        "Clients read required properties without checking for them; removing one breaks every client that uses it.",
        "Keep the property (deprecate it first, with `x-sunset`), or publish the change under a new major version.",
        [("positive", resp_base, spec(resp=user(required=("id",), props={"id": S, "lastName": S})), {}),
         ("negative-optional-removed", resp_base, spec(resp=user(props={"id": S, "firstName": S})), {})])
    add("response-optional-property-removed", "An optional response property was removed.",
        "removed the optional property `{property}` from {where} of {operation}",
        "Optional properties may be absent, but clients that read them lose data.",
        "Deprecate the property first; remove it when consumers have moved.",
        [("positive", resp_base, spec(resp=user(props={"id": S, "firstName": S})), {}),
         ("negative-required-removed", resp_base, spec(resp=user(required=("id",), props={"id": S, "lastName": S})),
          {})])
    add("response-required-property-added", "A required property was added to a response.",
        "added the required property `{property}` to {where} of {operation}",
        "Adding data to a response is compatible: clients ignore what they do not know.",
        "Nothing to do; bump the minor version.",
        [("positive", resp_base, spec(resp=user(required=("id", "firstName", "email"),
                                                props={"id": S, "firstName": S, "lastName": S, "email": S})), {}),
         ("negative", resp_base, doc_change(resp_base), {})])
    add("response-optional-property-added", "An optional property was added to a response.",
        "added the optional property `{property}` to {where} of {operation}",
        "Adding data to a response is compatible.", "Nothing to do; bump the minor version.",
        [("positive", resp_base, spec(resp=user(props={"id": S, "firstName": S, "lastName": S, "email": S})), {}),
         ("negative", resp_base, doc_change(resp_base), {})])
    add("response-property-became-optional", "A required response property became optional.",
        "the property `{property}` of {where} became optional in {operation}",
        "Clients rely on required properties being present.",
        "Keep it required, or publish the change under a new major version.",
        [("positive", resp_base, spec(resp=user(required=("id",))), {}),
         ("negative", resp_base, spec(resp=user(required=("id", "firstName", "lastName"))), {})])
    add("response-property-became-required", "An optional response property became required.",
        "the property `{property}` of {where} became required in {operation}",
        "Promising more in a response is compatible.", "Nothing to do.",
        [("positive", resp_base, spec(resp=user(required=("id", "firstName", "lastName"))), {}),
         ("negative", resp_base, spec(resp=user(required=("id",))), {})])
    req_base = spec(req=user())
    add("request-property-removed", "A request property was removed.",
        "removed the property `{property}` from {where} of {operation}",
        "Clients that still send the property may be rejected or silently lose data.",
        "Deprecate the property first, and keep accepting it until consumers have moved.",
        [("positive", req_base, spec(req=user(props={"id": S, "firstName": S})), {}),
         ("negative", req_base, doc_change(req_base), {})])
    add("new-required-request-property", "A new required property was added to a request.",
        "added the required property `{property}` to {where} of {operation}",
        "Existing clients do not send the new property, so the server rejects their requests.",
        "Make the property optional (with a server-side default), or publish it under a new major version.",
        [("positive", req_base, spec(req=user(required=("id", "firstName", "email"),
                                              props={"id": S, "firstName": S, "lastName": S, "email": S})), {}),
         ("negative-optional", req_base, spec(req=user(props={"id": S, "firstName": S, "lastName": S, "email": S})),
          {})])
    add("new-optional-request-property", "A new optional property was added to a request.",
        "added the optional property `{property}` to {where} of {operation}",
        "Accepting more in a request is compatible.", "Nothing to do; bump the minor version.",
        [("positive", req_base, spec(req=user(props={"id": S, "firstName": S, "lastName": S, "email": S})), {}),
         ("negative-required", req_base, spec(req=user(required=("id", "firstName", "email"),
                                                       props={"id": S, "firstName": S, "lastName": S, "email": S})),
          {})])
    add("request-property-became-required", "An optional request property became required.",
        "the property `{property}` of {where} became required in {operation}",
        "Clients that omit the property are now rejected.",
        "Keep it optional, or publish the change under a new major version.",
        [("positive", req_base, spec(req=user(required=("id", "firstName", "lastName"))), {}),
         ("negative", req_base, spec(req=user(required=("id",))), {})])
    add("request-property-became-optional", "A required request property became optional.",
        "the property `{property}` of {where} became optional in {operation}",
        "Accepting more in a request is compatible.", "Nothing to do.",
        [("positive", req_base, spec(req=user(required=("id",))), {}),
         ("negative", req_base, spec(req=user(required=("id", "firstName", "lastName"))), {})])

    # property deprecation
    for direction, place in (("request", lambda p: spec(req=user(props=p))),
                             ("response", lambda p: spec(resp=user(props=p)))):
        base = place({"id": S, "firstName": S, "lastName": S})
        dep = lambda extra: place({"id": S, "firstName": S, "lastName": dict(S, deprecated=True, **extra)})
        add(f"{direction}-property-deprecated-sunset-missing", "A property was deprecated without an x-sunset date.",
            "deprecated the property `{property}` of {where} in {operation} without an `x-sunset` date "
            "(at least {days} days ahead)",
            "Consumers need a date to plan the migration; a deprecation without one never ends.",
            "Add `x-sunset: YYYY-MM-DD` next to `deprecated: true`, at least the configured "
            "`openapi.deprecation-days` ahead.",
            [("positive", base, dep({}), {}), ("negative-with-sunset", base, dep({"x-sunset": "2027-06-01"}), {})])
        add(f"{direction}-property-deprecated-sunset-invalid", "A deprecated property has an x-sunset that is not a date.",
            "the `x-sunset` `{value}` of the deprecated property `{property}` of {where} in {operation} "
            "is not an RFC 3339 full-date",
            "Tools and people cannot tell when the property goes away.", "Write the date as `YYYY-MM-DD`.",
            [("positive", base, dep({"x-sunset": "next spring"}), {}),
             ("negative", base, dep({"x-sunset": "2027-06-01"}), {})])
        add(f"{direction}-property-sunset-date-too-small", "A property's sunset date is too close.",
            "the sunset {value} of the deprecated property `{property}` of {where} in {operation} is less than "
            "{days} days ahead",
            "Consumers need the configured notice period to migrate.",
            "Move `x-sunset` further out (see `openapi.deprecation-days`).",
            [("positive", base, dep({"x-sunset": "2026-07-01"}), {}),
             ("negative", base, dep({"x-sunset": "2027-06-01"}), {})])
        add(f"{direction}-property-deprecated-with-sunset", "A property was deprecated with a sunset date.",
            "deprecated the property `{property}` of {where} in {operation}, sunset {value}",
            "Informational: the property will go away on the sunset date.", "Nothing to do.",
            [("positive", base, dep({"x-sunset": "2027-06-01"}), {}), ("negative", base, dep({}), {})])
        add(f"{direction}-property-sunset-deleted", "The x-sunset of a deprecated property was removed.",
            "removed the sunset {old} of the deprecated property `{property}` of {where} in {operation}",
            "Consumers planned their migration for the promised date; without it the deprecation has no end. A "
            "mergegate rule (oasdiff checks this for operations and parameters: sunset-deleted).",
            "Keep the `x-sunset` date, or move it later.",
            [("positive", dep({"x-sunset": "2027-06-01"}), dep({}), {}),
             ("negative-moved-later", dep({"x-sunset": "2027-06-01"}), dep({"x-sunset": "2027-09-01"}), {})])
        add(f"{direction}-property-sunset-date-changed-too-small", "A property's sunset date was moved earlier.",
            "moved the sunset of the deprecated property `{property}` of {where} in {operation} from {old} to {new}",
            "Consumers were promised the property until the old date. A mergegate rule (oasdiff checks this for "
            "operations and parameters).",
            "Keep the old date or move it later.",
            [("positive", dep({"x-sunset": "2027-06-01"}), dep({"x-sunset": "2027-01-01"}), {}),
             ("negative", dep({"x-sunset": "2027-06-01"}), dep({"x-sunset": "2027-09-01"}), {})])
        add(f"{direction}-property-reactivated", "A deprecated property is no longer deprecated.",
            "the property `{property}` of {where} in {operation} is no longer deprecated",
            "Informational.", "Nothing to do.",
            [("positive", dep({"x-sunset": "2027-06-01"}), base, {}), ("negative", base, dep({}), {})])

    # operations
    two = spec(extra_ops=get_op())
    one = spec()
    add("endpoint-added", "A new operation was added.", "added the operation {operation}",
        "New operations are compatible.", "Nothing to do; bump the minor version.",
        [("positive", one, two, {}), ("negative", two, doc_change(two), {})])
    add("api-path-removed-without-deprecation", "A path was removed without being deprecated first.",
        "removed {operation} (the whole path) without deprecating it first (base: {base})",
        "Clients of the path break immediately; N-1 support requires a deprecation period.",
        "Restore the path, mark it `deprecated: true` with an `x-sunset` date, and remove it after that date.",
        [("positive", two, one, {}), ("negative-sunset-passed", spec(extra_ops=get_op(deprecated=True,
                                                                                     **{"x-sunset": "2026-01-01"})),
                                      one, {})])
    add("api-path-removed-before-sunset", "A deprecated path was removed before its sunset date.",
        "removed {operation} (the whole path) before its sunset date {sunset} (base: {base})",
        "Consumers were promised the path until the sunset date.",
        "Restore the path until the `x-sunset` date has passed.",
        [("positive", spec(extra_ops=get_op(deprecated=True, **{"x-sunset": "2026-12-01"})), one, {}),
         ("negative", spec(extra_ops=get_op(deprecated=True, **{"x-sunset": "2026-01-01"})), one, {})])
    add("api-path-removed-with-deprecation", "A deprecated path was removed after its sunset date.",
        "removed {operation} (the whole path) after its sunset date (base: {base})",
        "Informational: the deprecation period is over.", "Nothing to do.",
        [("positive", spec(extra_ops=get_op(deprecated=True, **{"x-sunset": "2026-01-01"})), one, {}),
         ("negative", two, one, {})])
    three = spec(extra_ops={"/v1/users": {"get": get_op()["/v1/users"]["get"],
                                          "post": {"operationId": "createUser", "summary": "Create",
                                                   "responses": {"201": {"description": "Created"}}}}})
    three_dep = copy.deepcopy(three)
    three_dep["paths"]["/v1/users"]["post"].update({"deprecated": True, "x-sunset": "2026-12-01"})
    three_gone = copy.deepcopy(three)
    del three_gone["paths"]["/v1/users"]["post"]
    three_past = copy.deepcopy(three)
    three_past["paths"]["/v1/users"]["post"].update({"deprecated": True, "x-sunset": "2026-01-01"})
    add("api-removed-without-deprecation", "An operation was removed without being deprecated first.",
        "removed {operation} without deprecating it first (base: {base})",
        "Clients of the operation break immediately.",
        "Restore it, deprecate it with an `x-sunset` date, and remove it after that date.",
        [("positive", three, three_gone, {}), ("negative", three_past, three_gone, {})])
    add("api-removed-before-sunset", "A deprecated operation was removed before its sunset date.",
        "removed {operation} before its sunset date {sunset} (base: {base})",
        "Consumers were promised the operation until the sunset date.",
        "Restore the operation until the `x-sunset` date has passed.",
        [("positive", three_dep, three_gone, {}), ("negative", three_past, three_gone, {})])
    add("api-removed-with-deprecation", "A deprecated operation was removed after its sunset date.",
        "removed {operation} after its sunset date (base: {base})", "Informational.", "Nothing to do.",
        [("positive", three_past, three_gone, {}), ("negative", three, doc_change(three), {})])

    def op_with(**extra):
        return spec(op_extra=extra, resp_headers=extra.pop("_headers", None))

    sunset_headers = {"Sunset": {"schema": S}, "Deprecation": {"schema": S}}
    add("api-deprecated-sunset-missing", "An operation was deprecated without an x-sunset date.",
        "deprecated {operation} without an `x-sunset` date at least {days} days ahead",
        "Consumers need a date to plan their migration; N-1 support ends on the sunset date.",
        "Add `x-sunset: YYYY-MM-DD` to the operation, at least `openapi.deprecation-days` ahead "
        "(default 180 for stable, 90 for beta).",
        [("positive", one, op_with(deprecated=True, _headers=sunset_headers), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {})])
    add("api-deprecated-sunset-parse", "A deprecated operation's x-sunset is not a date.",
        "the `x-sunset` `{value}` of {operation} is not an RFC 3339 full-date",
        "Nobody can tell when the operation goes away.", "Write the date as `YYYY-MM-DD`.",
        [("positive", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "soon"}), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {})])
    add("api-sunset-date-too-small", "An operation's sunset date is too close.",
        "the sunset {value} of {operation} is less than {days} days ahead (earliest allowed: {earliest})",
        "Consumers need the configured notice period to migrate.",
        "Move `x-sunset` to at least `openapi.deprecation-days` after today.",
        [("positive", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2026-07-01"}), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {}),
         ("negative-configured-days", one,
          op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2026-07-01"}),
          {"config": {"openapi": {"deprecation-days": 20}}})])
    add("endpoint-deprecated-with-sunset", "An operation was deprecated with a sunset date.",
        "deprecated {operation}, sunset {value}", "Informational.", "Nothing to do.",
        [("positive", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers), {})])
    add("endpoint-deprecated", "An alpha or draft operation was deprecated.", "deprecated {operation}",
        "Informational: draft and alpha operations need no sunset date.", "Nothing to do.",
        [("positive", op_with(**{"x-stability-level": "alpha"}),
          op_with(deprecated=True, _headers=sunset_headers, **{"x-stability-level": "alpha"}), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {})])
    add("endpoint-reactivated", "A deprecated operation is no longer deprecated.",
        "{operation} is no longer deprecated", "Informational.", "Nothing to do.",
        [("positive", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}), one, {}),
         ("negative", one, doc_change(one), {})])
    add("sunset-deleted", "The x-sunset date of a deprecated operation was removed.",
        "removed the sunset date {old} of the deprecated {operation}",
        "Consumers planned against the date; without it the deprecation has no end.",
        "Keep the `x-sunset` date (it may move later, never earlier).",
        [("positive", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}), op_with(deprecated=True), {}),
         ("negative", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}),
          op_with(deprecated=True, **{"x-sunset": "2027-09-01"}), {})])
    add("api-sunset-date-changed-too-small", "A sunset date was moved earlier.",
        "moved the sunset of {operation} earlier, from {old} to {new}",
        "Consumers planned their migration against the announced date.", "Never move `x-sunset` earlier.",
        [("positive", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}),
          op_with(deprecated=True, **{"x-sunset": "2027-03-01"}), {}),
         ("negative", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}),
          op_with(deprecated=True, **{"x-sunset": "2027-09-01"}), {})])
    add("api-path-sunset-parse", "The x-sunset of a deprecated operation is not a date.",
        "the `x-sunset` `{value}` of {operation} is not an RFC 3339 full-date",
        "Nobody can tell when the operation goes away.", "Write the date as `YYYY-MM-DD`.",
        [("positive", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}),
          op_with(deprecated=True, **{"x-sunset": "June"}), {}),
         ("negative", op_with(deprecated=True, **{"x-sunset": "2027-06-01"}),
          op_with(deprecated=True, **{"x-sunset": "2027-09-01"}), {})])
    add("api-sunset-header-missing", "A deprecated operation's success response lacks Sunset/Deprecation headers.",
        "the {status} response of the deprecated {operation} does not declare the {headers} header(s)",
        "RFC 8594 (`Sunset`) and RFC 9745 (`Deprecation`) let clients discover the deprecation at run time.",
        "Declare `Sunset` and `Deprecation` under `headers` of the success responses.",
        [("positive", one, op_with(deprecated=True, **{"x-sunset": "2027-06-01"}), {}),
         ("negative", one, op_with(deprecated=True, _headers=sunset_headers, **{"x-sunset": "2027-06-01"}), {})])
    add("api-stability-decreased", "The x-stability-level of an operation was lowered.",
        "lowered the stability of {operation} from {old} to {new}",
        "Consumers chose the operation for its stability promise.", "Keep the level, or add a new operation.",
        [("positive", op_with(**{"x-stability-level": "stable"}), op_with(**{"x-stability-level": "beta"}), {}),
         ("negative", op_with(**{"x-stability-level": "beta"}), op_with(**{"x-stability-level": "stable"}), {})])
    add("api-invalid-stability-level", "x-stability-level has an unknown value.",
        "the x-stability-level `{value}` of {operation} is not one of draft, alpha, beta, stable",
        "Stability drives which rules apply (draft and alpha are exempt).", "Use draft, alpha, beta or stable.",
        [("positive", one, op_with(**{"x-stability-level": "experimental"}), {}),
         ("negative", one, op_with(**{"x-stability-level": "beta"}), {})])

    # parameters
    p_opt = spec(param={"schema": S, "required": False})
    add("new-required-request-parameter", "A new required parameter was added.",
        "added the required {in} parameter `{name}` to {operation}",
        "Existing clients do not send it, so their requests are rejected.",
        "Make it optional with a server-side default, or publish it under a new major version.",
        [("positive", one, spec(param={"schema": S, "required": True}), {}), ("negative", one, p_opt, {})])
    add("new-optional-request-parameter", "A new optional parameter was added.",
        "added the optional {in} parameter `{name}` to {operation}", "Compatible.", "Nothing to do.",
        [("positive", one, p_opt, {}), ("negative", one, spec(param={"schema": S, "required": True}), {})])
    undeclared = copy.deepcopy(one)
    undeclared["paths"]["/v1/users/{userId}"]["post"]["parameters"] = []
    add("new-request-path-parameter", "A path parameter is declared that the base did not declare.",
        "added the path parameter `{name}` to {operation}",
        "The base spec did not declare the parameter of its own path template, so clients generated from it "
        "build the URL without a value for it.",
        "Check that generated clients of the base version can call the operation; publish the fix as a new major "
        "version if they cannot.",
        [("positive", undeclared, one, {}), ("negative", one, doc_change(one), {})])
    add("request-parameter-removed", "A parameter was removed.", "removed the {in} parameter `{name}` from {operation}",
        "Clients that still send it may be rejected or silently ignored.", "Deprecate it first.",
        [("positive", p_opt, one, {}), ("negative", p_opt, doc_change(p_opt), {})])
    add("request-parameter-became-required", "An optional parameter became required.",
        "the {in} parameter `{name}` of {operation} became required",
        "Clients that omit it are now rejected.", "Keep it optional.",
        [("positive", p_opt, spec(param={"schema": S, "required": True}), {}),
         ("negative", spec(param={"schema": S, "required": True}), p_opt, {})])
    add("request-parameter-became-optional", "A required parameter became optional.",
        "the {in} parameter `{name}` of {operation} became optional", "Compatible.", "Nothing to do.",
        [("positive", spec(param={"schema": S, "required": True}), p_opt, {}),
         ("negative", p_opt, spec(param={"schema": S, "required": True}), {})])
    p_dep = lambda **x: spec(param=dict({"schema": S, "deprecated": True}, **x))
    add("request-parameter-deprecated", "A parameter was deprecated.",
        "deprecated the {in} parameter `{name}` of {operation}", "Informational.", "Nothing to do.",
        [("positive", p_opt, p_dep(**{"x-sunset": "2027-06-01"}), {}), ("negative", p_opt, doc_change(p_opt), {})])
    add("request-parameter-deprecated-sunset-missing", "A parameter was deprecated without an x-sunset date.",
        "deprecated the {in} parameter `{name}` of {operation} without an `x-sunset` date (at least {days} days ahead)",
        "Consumers need a date to plan their migration.", "Add `x-sunset: YYYY-MM-DD` next to `deprecated: true`.",
        [("positive", p_opt, p_dep(), {}), ("negative", p_opt, p_dep(**{"x-sunset": "2027-06-01"}), {})])
    add("request-parameter-sunset-date-too-small", "A parameter's sunset date is too close.",
        "the sunset {value} of the {in} parameter `{name}` of {operation} is too close",
        "Consumers need the configured notice period.", "Move `x-sunset` further out.",
        [("positive", p_opt, p_dep(**{"x-sunset": "2026-07-01"}), {}),
         ("negative", p_opt, p_dep(**{"x-sunset": "2027-06-01"}), {})])
    add("request-parameter-reactivated", "A deprecated parameter is no longer deprecated.",
        "the {in} parameter `{name}` of {operation} is no longer deprecated", "Informational.", "Nothing to do.",
        [("positive", p_dep(**{"x-sunset": "2027-06-01"}), p_opt, {}), ("negative", p_opt, doc_change(p_opt), {})])
    add("request-parameter-sunset-parse", "A deprecated parameter's x-sunset is not a date.",
        "the `x-sunset` `{value}` of the {in} parameter `{name}` of {operation} is not an RFC 3339 full-date",
        "Nobody can tell when the parameter goes away.", "Write the date as `YYYY-MM-DD`.",
        [("positive", p_opt, p_dep(**{"x-sunset": "someday"}), {}),
         ("negative", p_opt, p_dep(**{"x-sunset": "2027-06-01"}), {})])
    add("request-parameter-sunset-deleted", "The x-sunset of a deprecated parameter was removed.",
        "removed the sunset date {old} of the deprecated {in} parameter `{name}` of {operation}",
        "Consumers planned against the date.", "Keep the date.",
        [("positive", p_dep(**{"x-sunset": "2027-06-01"}), p_dep(), {}),
         ("negative", p_dep(**{"x-sunset": "2027-06-01"}), p_dep(**{"x-sunset": "2027-09-01"}), {})])
    add("request-parameter-sunset-date-changed-too-small", "A parameter's sunset date was moved earlier.",
        "moved the sunset of the {in} parameter `{name}` of {operation} earlier, from {old} to {new}",
        "Consumers planned against the announced date.", "Never move `x-sunset` earlier.",
        [("positive", p_dep(**{"x-sunset": "2027-06-01"}), p_dep(**{"x-sunset": "2027-03-01"}), {}),
         ("negative", p_dep(**{"x-sunset": "2027-06-01"}), p_dep(**{"x-sunset": "2027-09-01"}), {})])
    add("request-parameter-removed-before-sunset", "A deprecated parameter was removed before its sunset date.",
        "removed the {in} parameter `{name}` of {operation} before its sunset date {sunset}",
        "Consumers were promised the parameter until the sunset date.", "Restore it until the date has passed.",
        [("positive", p_dep(**{"x-sunset": "2027-06-01"}), one, {}),
         ("negative", p_dep(**{"x-sunset": "2026-01-01"}), one, {})])
    add("request-parameter-removed-with-deprecation", "A deprecated parameter was removed after its sunset date.",
        "removed the deprecated {in} parameter `{name}` from {operation}", "Informational.", "Nothing to do.",
        [("positive", p_dep(**{"x-sunset": "2026-01-01"}), one, {}), ("negative", p_opt, one, {})])

    # request body
    body = spec(req=user())
    body_opt = copy.deepcopy(body)
    body_opt["paths"]["/v1/users/{userId}"]["post"]["requestBody"]["required"] = False
    add("request-body-removed", "The request body was removed.", "removed the request body of {operation}",
        "Clients still send it; the server no longer reads it.", "Restore it or publish a new major version.",
        [("positive", body, one, {}), ("negative", body, doc_change(body), {})])
    add("request-body-added-required", "A required request body was added.",
        "added a required request body to {operation}", "Existing clients send no body and are rejected.",
        "Make the body optional, or publish a new major version.",
        [("positive", one, body, {}), ("negative", one, body_opt, {})])
    add("request-body-added-optional", "An optional request body was added.",
        "added an optional request body to {operation}", "Compatible.", "Nothing to do.",
        [("positive", one, body_opt, {}), ("negative", one, body, {})])
    add("request-body-became-required", "The request body became required.",
        "the request body of {operation} became required", "Clients that send no body are rejected.",
        "Keep it optional.", [("positive", body_opt, body, {}), ("negative", body, body_opt, {})])
    add("request-body-became-optional", "The request body became optional.",
        "the request body of {operation} became optional", "Compatible.", "Nothing to do.",
        [("positive", body, body_opt, {}), ("negative", body_opt, body, {})])
    two_media = copy.deepcopy(body)
    two_media["paths"]["/v1/users/{userId}"]["post"]["requestBody"]["content"]["application/xml"] = {"schema": user()}
    add("request-body-media-type-removed", "A request media type was removed.",
        "removed the media type `{value}` from {where} of {operation}",
        "Clients that send that media type are rejected.", "Keep accepting it.",
        [("positive", two_media, body, {}), ("negative", body, two_media, {})])
    add("request-body-media-type-added", "A request media type was added.",
        "added the media type `{value}` to {where} of {operation}", "Compatible.", "Nothing to do.",
        [("positive", body, two_media, {}), ("negative", two_media, body, {})])

    # responses
    rb = spec(resp=user())
    rb2 = copy.deepcopy(rb)
    rb2["paths"]["/v1/users/{userId}"]["post"]["responses"]["200"]["content"]["application/xml"] = {"schema": user()}
    add("response-media-type-removed", "A response media type was removed.",
        "removed the media type `{value}` from {where} of {operation}",
        "Clients that ask for that media type get 406 or cannot parse the answer.", "Keep producing it.",
        [("positive", rb2, rb, {}), ("negative", rb, rb2, {})])
    add("response-media-type-added", "A response media type was added.",
        "added the media type `{value}` to {where} of {operation}", "Compatible.", "Nothing to do.",
        [("positive", rb, rb2, {}), ("negative", rb2, rb, {})])
    with404 = copy.deepcopy(one)
    with404["paths"]["/v1/users/{userId}"]["post"]["responses"]["404"] = {"description": "Not found"}
    with201 = copy.deepcopy(one)
    with201["paths"]["/v1/users/{userId}"]["post"]["responses"]["201"] = {"description": "Created"}
    add("response-success-status-removed", "A success status was removed from an operation.",
        "removed the success status {status} from {operation}",
        "Clients handle the documented success statuses; a removed one means a changed contract.",
        "Keep the status, or publish a new major version.",
        [("positive", with201, one, {}), ("negative", with404, one, {})])
    add("response-success-status-added", "A success status was added.", "added the success status {status} to {operation}",
        "Informational.", "Nothing to do.", [("positive", one, with201, {}), ("negative", one, with404, {})])
    add("response-non-success-status-removed", "A non-success status was removed.",
        "removed the non-success status {status} from {operation}",
        "An error level by mergegate's choice (oasdiff: INFO). Clients handle documented error statuses: "
        "generated clients have a typed error per status, and hand-written ones branch on it (retry on 429, "
        "re-authenticate on 401, show a message on 400). Removing the status drops that handling from "
        "regenerated clients, and if the server still answers with it, clients meet an undocumented status.",
        "Keep the status documented while the server can still return it; remove it in a new major version.",
        [("positive", with404, one, {}), ("negative", with201, one, {})])
    add("response-non-success-status-added", "A non-success status was added.",
        "added the non-success status {status} to {operation}", "Informational.", "Nothing to do.",
        [("positive", one, with404, {}), ("negative", one, with201, {})])
    hdr = lambda req: spec(resp_headers={"X-Rate-Limit": {"required": req, "schema": I}})
    add("required-response-header-removed", "A required response header was removed.",
        "removed the required header `{name}` from the {status} response of {operation}",
        "Clients read required headers without checking for them.", "Keep the header.",
        [("positive", hdr(True), one, {}), ("negative", hdr(False), hdr(True), {})])
    add("optional-response-header-removed", "An optional response header was removed.",
        "removed the optional header `{name}` from the {status} response of {operation}",
        "Clients that read it lose data.", "Deprecate it first.",
        [("positive", hdr(False), one, {}), ("negative", hdr(False), hdr(True), {})])
    add("response-header-became-optional", "A required response header became optional.",
        "the header `{name}` of the {status} response of {operation} became optional",
        "Clients rely on required headers being present.", "Keep it required.",
        [("positive", hdr(True), hdr(False), {}), ("negative", hdr(False), hdr(True), {})])
    add("response-header-added", "A response header was added.",
        "added the header `{name}` to the {status} response of {operation}", "Informational.", "Nothing to do.",
        [("positive", one, hdr(False), {}), ("negative", hdr(False), one, {})])
    hdr_s = lambda **kw: spec(resp_headers={"X-Rate-Limit": dict({"schema": A}, **kw)})
    hdr_i = lambda **kw: spec(resp_headers={"X-Rate-Limit": dict({"schema": I}, **kw)})
    add("response-header-explode-changed", "The explode flag of an array or object response header changed.",
        "changed `explode` of the header `{name}` of the {status} response of {operation} from {old} to {new}",
        "`explode` decides how arrays and objects are written (`a,b` against `a=1,b=2`); clients split the value "
        "the old way. On a value typed as a primitive it changes nothing on the wire, so it is not reported. "
        "A mergegate rule (oasdiff does not compare explode).",
        "Keep `explode` as it was, or publish the change under a new major version.",
        [("positive", hdr_s(), hdr_s(explode=True), {}),
         ("negative-primitive", hdr_i(explode=True), hdr_i(), {})])

    # parameter serialisation
    pa = lambda **kw: spec(param=dict({"schema": A}, **kw))
    ps = lambda **kw: spec(param=dict({"schema": S}, **kw))
    add("request-parameter-style-changed", "The serialisation style of a parameter changed.",
        "changed the style of the {in} parameter `{name}` of {operation} from `{old}` to `{new}`",
        "Clients write the parameter in the declared style (`form`: `?ids=a&ids=b`, `pipeDelimited`: "
        "`?ids=a|b`); the server now parses another format and misreads or rejects them. OpenAPI's defaults "
        "(`form` for query and cookie, `simple` for path and header) count as declared. A mergegate rule "
        "(oasdiff does not compare styles).",
        "Keep the style, or accept both formats and publish the new one under a new major version.",
        [("positive", pa(style="form"), pa(style="pipeDelimited"), {}),
         ("negative-default-spelled-out", pa(), pa(style="form"), {})])
    add("request-parameter-explode-changed", "The explode flag of an array or object parameter changed.",
        "changed `explode` of the {in} parameter `{name}` of {operation} from {old} to {new}",
        "`explode` decides how arrays and objects are written (`?ids=a&ids=b` against `?ids=a,b`); clients keep "
        "writing the old form. On a value typed as a primitive it changes nothing on the wire, so it is not "
        "reported. A mergegate rule (oasdiff does not compare explode).",
        "Keep `explode` as it was, or publish the change under a new major version.",
        [("positive", pa(), pa(explode=False), {}), ("negative-primitive", ps(explode=True), ps(explode=False), {})])
    add("request-parameter-allow-empty-value-removed", "A query parameter no longer allows an empty value.",
        "the {in} parameter `{name}` of {operation} no longer allows an empty value (`allowEmptyValue` removed)",
        "Clients that send `?{name}=` were accepted and are now rejected. A mergegate rule (oasdiff does not "
        "compare allowEmptyValue).",
        "Keep `allowEmptyValue: true` in this major version.",
        [("positive", ps(allowEmptyValue=True), ps(), {}), ("negative", ps(), ps(allowEmptyValue=True), {})])
    add("request-parameter-allow-empty-value-added", "A query parameter now allows an empty value.",
        "the {in} parameter `{name}` of {operation} now allows an empty value",
        "Accepting more in a request is compatible.", "Nothing to do.",
        [("positive", ps(), ps(allowEmptyValue=True), {}), ("negative", ps(allowEmptyValue=True), ps(), {})])
    hp = lambda prop: spec(param={"in": "header", "name": "X-Filter",
                                  "schema": {"type": "object", "properties": {"nickname": prop}}})
    add("request-header-property-became-enum", "A property of a header parameter's object schema became an enum.",
        "{subject} became an enum ({values}) in {operation}",
        "Clients send values outside the new enum, and the server rejects them.",
        "Keep the property open in this major version, or publish the enum under a new major version.",
        [("positive", hp(S), hp(dict(S, enum=["a", "b"])), {}),
         ("negative-enum-value-added", hp(dict(S, enum=["a"])), hp(dict(S, enum=["a", "b"])), {})])

    # readOnly / writeOnly (oasdiff's ids; three request cases raised to errors)
    mut_why = {
        ("request", "became-read-only"): "An error by mergegate's choice (oasdiff: INFO). Clients send the property, "
        "and a server that treats it as readOnly ignores or rejects it: an update the client asked for silently "
        "does not happen.",
        ("request", "became-not-read-only"): "The property was readOnly, so clients never sent it.",
        ("request", "became-write-only"): "writeOnly properties are still sent in requests: compatible.",
        ("request", "became-not-write-only"): "Compatible: the request accepts the property as before.",
        ("response", "became-read-only"): "readOnly properties are still returned: compatible.",
        ("response", "became-not-read-only"): "Compatible: the response still carries the property.",
        ("response", "became-write-only"): "writeOnly properties are not returned in responses: clients that read "
        "the property stop receiving it. oasdiff reports it as informational.",
        ("response", "became-not-write-only"): "The property is now returned where it was not before.",
    }
    for direction in ("request", "response"):
        for req in ("required", "optional"):
            for change, kw in (("became-read-only", "readOnly"), ("became-not-read-only", "readOnly"),
                               ("became-write-only", "writeOnly"), ("became-not-write-only", "writeOnly")):
                name = f"{direction}-{req}-property-{change}"
                reqs = ("id", "lastName") if req == "required" else ("id",)
                plain = user(required=reqs)
                flagged = user(required=reqs, props={"id": S, "firstName": S, "lastName": dict(S, **{kw: True})})
                place = (lambda sc: spec(req=sc)) if direction == "request" else (lambda sc: spec(resp=sc))
                b, h = (plain, flagged) if "not" not in change else (flagged, plain)
                why = mut_why[(direction, change)]
                if name == "request-required-property-became-not-read-only":
                    why = ("An error by mergegate's choice (oasdiff: INFO). A required readOnly property is not "
                           "required in requests; without readOnly it is, and clients that never sent it are "
                           "rejected.")
                lvl = levels.get(name, ("INFO",))[0]
                add(name, f"A {req} {direction} property {change.replace('-', ' ')}.",
                    f"the {req} property `{{property}}` of {{where}} {change.replace('-', ' ')} in {{operation}}",
                    why, "Keep the property as it was in this major version, or publish the change under a new "
                         "major version." if lvl == "ERR" else "Nothing to do; check that the change is intended.",
                    [("positive", place(b), place(h), {}), ("negative", place(b), doc_change(place(b)), {})])

    # a concrete body replaced by oneOf
    alt = {"oneOf": [user(required=("id",)), user(required=("firstName",))]}
    add("request-body-wrapped-in-one-of", "A concrete request body was replaced by a oneOf of alternatives.",
        "wrapped {subject} of {operation} in a oneOf of {value} alternatives",
        "Under oneOf a payload must match exactly one alternative: a payload valid before may now match "
        "several overlapping ones and be rejected.",
        "Keep the concrete schema, or make the alternatives disjoint (a discriminator) under a new major version.",
        [("positive", spec(req=user()), spec(req=alt), {}), ("negative", spec(req=user()), doc_change(spec(req=user())), {})])
    add("response-body-wrapped-in-one-of", "A concrete response body was replaced by a oneOf of alternatives.",
        "wrapped {subject} of {operation} in a oneOf of {value} alternatives",
        "A field the response guaranteed may now be absent, depending on which alternative the server sends.",
        "Keep the concrete schema in this major version.",
        [("positive", spec(resp=user()), spec(resp=alt), {}),
         ("negative", spec(resp=user()), doc_change(spec(resp=user())), {})])

    # operationId
    add("api-operation-id-removed", "An operation's operationId was removed or changed.",
        "changed the operationId of {operation} from `{old}` to `{new}`",
        "Informational, as in oasdiff: the wire contract is unchanged, but generated clients name their methods "
        "after the operationId, so code calling the old name stops compiling after regeneration.",
        "Keep the operationId, or tell client teams that regenerated code renames the method.",
        [("positive", one, spec(op_id="updateUserV2"), {}), ("negative", one, doc_change(one), {})])
    add("api-operation-id-added", "An operationId was added to an operation.",
        "added the operationId `{new}` to {operation}", "Informational.", "Nothing to do.",
        [("positive", spec(op_id=None), one, {}), ("negative", one, spec(op_id=None), {})])

    # security
    sec = lambda reqs: spec(op_extra={"security": reqs})
    with_schemes = lambda d: dict(d, components={"securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer"}, "apiKey": {"type": "apiKey", "in": "header", "name": "X-Key"}}})
    add("api-security-added", "A public operation now requires credentials.",
        "{operation} was public and now requires `{value}`{origin}: anonymous clients are rejected",
        "An error by mergegate's choice (oasdiff: INFO), as the issue asks: a public operation that starts "
        "requiring credentials breaks every client that calls it without them. A requirement added to the global "
        "`security` counts for every operation without its own.",
        "Keep the operation public in this major version, or publish the secured one under `/v{N+1}`.",
        [("positive-public-operation", with_schemes(one), with_schemes(sec([{"bearer": []}])), {}),
         ("positive-global", with_schemes(one), dict(with_schemes(one), security=[{"bearer": []}]), {}),
         ("negative-still-public", with_schemes(one), with_schemes(sec([{}, {"bearer": []}])), {}),
         ("negative-new-alternative", with_schemes(sec([{"bearer": []}])),
          with_schemes(sec([{"bearer": []}, {"apiKey": []}])), {})])
    add("api-security-requirement-added", "A security alternative was added to an operation.",
        "added the security requirement `{value}` to {operation}",
        "Compatible: requirements are alternatives, so clients keep using the ones they used. A mergegate rule "
        "(oasdiff reports it as api-security-added, INFO; mergegate keeps that id for a public operation that "
        "became secured).",
        "Nothing to do.",
        [("positive", with_schemes(sec([{"bearer": []}])), with_schemes(sec([{"bearer": []}, {"apiKey": []}])), {}),
         ("positive-still-public", with_schemes(one), with_schemes(sec([{}, {"bearer": []}])), {}),
         ("negative", with_schemes(sec([{"bearer": []}])), doc_change(with_schemes(sec([{"bearer": []}]))), {})])
    add("api-security-removed", "A security requirement was removed, and clients that used it still get in.",
        "removed the security requirement `{value}` from {operation}",
        "Informational: the operation became public, or a remaining alternative asks for no more than the removed "
        "one, so every client that authenticated before still does.",
        "Nothing to do.",
        [("positive-became-public", with_schemes(sec([{"bearer": []}])), with_schemes(one), {}),
         ("positive-subset-remains", with_schemes(sec([{"bearer": [], "apiKey": []}, {"bearer": []}])),
          with_schemes(sec([{"bearer": []}])), {}),
         ("negative", with_schemes(one), with_schemes(sec([{"bearer": []}])), {})])
    add("api-security-requirement-removed", "A security alternative that clients use was removed.",
        "removed the security requirement `{value}` from {operation}; clients that authenticate with it are "
        "rejected",
        "Security requirements are alternatives: a client picks one. When the operation stays secured and no "
        "remaining alternative is satisfied by the removed one, clients that used it are locked out. oasdiff "
        "reports every removal as api-security-removed (INFO); mergegate keeps that id for the harmless ones.",
        "Keep the alternative in this major version, or publish the change under a new major version.",
        [("positive", with_schemes(sec([{"bearer": []}, {"apiKey": []}])), with_schemes(sec([{"bearer": []}])), {}),
         ("negative-became-public", with_schemes(sec([{"bearer": []}, {"apiKey": []}])), with_schemes(one), {})])
    add("api-security-requirement-scheme-added", "A scheme was added to an existing security requirement.",
        "added `{scheme}` to the security requirement `{value}` of {operation} (now `{new}`)",
        "The schemes of one requirement must all be satisfied: clients that authenticated with the old "
        "requirement alone are now rejected. oasdiff reports it as a requirement removed and one added (INFO).",
        "Add the stronger requirement as a new alternative and keep the old one in this major version.",
        [("positive", with_schemes(sec([{"bearer": []}])), with_schemes(sec([{"bearer": [], "apiKey": []}])), {}),
         ("negative-new-alternative", with_schemes(sec([{"bearer": []}])),
          with_schemes(sec([{"bearer": []}, {"apiKey": []}])), {})])
    oauth = lambda **flow: {"type": "oauth2", "flows": {"authorizationCode": dict({
        "authorizationUrl": "https://auth.example.com/authorize", "tokenUrl": "https://auth.example.com/token",
        "refreshUrl": "https://auth.example.com/refresh", "scopes": {"read": "Read users", "write": "Write users"}},
        **flow)}}
    secured = lambda scheme, scopes=(): dict(spec(op_extra={"security": [{"auth": list(scopes)}]}),
                                             components={"securitySchemes": {"auth": scheme}})
    add("api-security-scope-added", "An operation requires another OAuth scope.",
        "{operation} now also requires the scope `{scope}` of `{value}`: tokens without it are rejected",
        "An error by mergegate's choice (oasdiff: INFO). The scopes of a requirement must all be granted: "
        "clients hold tokens issued for the old scopes, and the server now rejects them until every client "
        "requests the new scope and its users consent again.",
        "Keep the scopes of this major version; require the new scope under `/v{N+1}`, or add the stronger "
        "requirement as another alternative while clients move.",
        [("positive", secured(oauth(), ["read"]), secured(oauth(), ["read", "write"]), {}),
         ("negative", secured(oauth(), ["read", "write"]), secured(oauth(), ["read"]), {})])
    add("api-security-scope-removed", "An operation requires one OAuth scope less.",
        "{operation} no longer requires the scope `{scope}` of `{value}`", "Compatible.", "Nothing to do.",
        [("positive", secured(oauth(), ["read", "write"]), secured(oauth(), ["read"]), {}),
         ("negative", secured(oauth(), ["read"]), secured(oauth(), ["read", "write"]), {})])
    basic = {"type": "http", "scheme": "basic"}
    sch_err = ("Keep the scheme as it is in this major version, or add the new one as another security scheme and "
               "alternative so both work during the migration.")
    add("api-security-component-type-changed", "A security scheme changed its type.",
        "changed the type of the security scheme `{name}` from `{old}` to `{new}`",
        "An error by mergegate's choice (oasdiff: INFO). Clients present credentials the way the type says "
        "(an API key header, HTTP auth, OAuth); with another type every one of them is rejected.", sch_err,
        [("positive", secured(basic), secured({"type": "apiKey", "in": "header", "name": "X-Key"}), {}),
         ("negative", secured(basic), doc_change(secured(basic)), {})])
    add("api-security-component-scheme-changed", "An HTTP security scheme changed its scheme (e.g. basic to bearer).",
        "changed the HTTP scheme of the security scheme `{name}` from `{old}` to `{new}`",
        "Clients send `Authorization: <scheme> ...`; a server expecting another scheme rejects them (basic "
        "credentials are not a bearer token). Names compare case-insensitively (RFC 9110). A mergegate rule "
        "(oasdiff reports no change of the HTTP scheme).", sch_err,
        [("positive", secured(basic), secured({"type": "http", "scheme": "bearer"}), {}),
         ("negative-case-only", secured(basic), secured({"type": "http", "scheme": "Basic"}), {})])
    bearer = lambda fmt: {"type": "http", "scheme": "bearer", "bearerFormat": fmt}
    add("api-security-component-bearer-format-changed", "The bearerFormat hint of a security scheme changed.",
        "changed `bearerFormat` of the security scheme `{name}` from `{old}` to `{new}`",
        "`bearerFormat` is a hint (OpenAPI: \"primarily for documentation purposes\"): tokens come from the "
        "authorization server, not from the client, so existing clients are not rejected by the spec change "
        "itself; check whether the issuer changed. A mergegate rule.",
        "Check with the consumers that their tokens still come from the same issuer.",
        [("positive", secured(bearer("JWT")), secured(bearer("opaque")), {}),
         ("negative", secured(bearer("JWT")), doc_change(secured(bearer("JWT"))), {})])
    api_key = lambda where, name: {"type": "apiKey", "in": where, "name": name}
    add("api-security-component-api-key-name-changed", "An API key scheme expects its key under another name.",
        "the security scheme `{name}` now expects the API key as `{new}` instead of `{old}`",
        "Clients send the key under the configured name; the server no longer finds it there and rejects "
        "them. Header names compare case-insensitively (RFC 9110). A mergegate rule (oasdiff reports none).",
        sch_err,
        [("positive", secured(api_key("header", "X-Api-Key")), secured(api_key("header", "X-Key")), {}),
         ("negative-header-case", secured(api_key("header", "X-Api-Key")), secured(api_key("header", "x-api-key")),
          {})])
    add("api-security-component-api-key-in-changed", "An API key scheme expects its key in another place.",
        "the security scheme `{name}` now expects the API key in the {new} instead of the {old}",
        "Clients send the key in a header, a query parameter or a cookie as configured; the server no longer "
        "looks there and rejects them. A mergegate rule (oasdiff reports none).", sch_err,
        [("positive", secured(api_key("header", "X-Api-Key")), secured(api_key("query", "X-Api-Key")), {}),
         ("negative", secured(api_key("header", "X-Api-Key")), doc_change(secured(api_key("header", "X-Api-Key"))),
          {})])
    oidc = lambda url: {"type": "openIdConnect", "openIdConnectUrl": url}
    add("api-security-component-open-id-connect-url-changed", "The OpenID Connect discovery URL changed.",
        "changed the OpenID Connect URL of the security scheme `{name}` from `{old}` to `{new}`",
        "The discovery document names the issuer; a new URL means tokens from the old issuer are no longer "
        "accepted, so every existing client must be reconfigured. A mergegate rule (oasdiff reports none).",
        sch_err,
        [("positive", secured(oidc("https://id.example.com/.well-known/openid-configuration")),
          secured(oidc("https://login.example.com/.well-known/openid-configuration")), {}),
         ("negative", secured(oidc("https://id.example.com/.well-known/openid-configuration")),
          doc_change(secured(oidc("https://id.example.com/.well-known/openid-configuration"))), {})])
    add("api-security-component-oauth-url-changed", "An OAuth flow's authorization or refresh URL changed.",
        "changed `{attribute}` of the security scheme `{name}` from `{old}` to `{new}`",
        "An error by mergegate's choice (oasdiff: INFO). Clients are configured with these URLs: they send users "
        "to the old authorization endpoint and refresh tokens at the old refresh endpoint.", sch_err,
        [("positive", secured(oauth()), secured(oauth(authorizationUrl="https://login.example.com/authorize")), {}),
         ("positive-refresh-url", secured(oauth()), secured(oauth(refreshUrl="https://login.example.com/refresh")),
          {}),
         ("negative", secured(oauth()), secured(oauth(tokenUrl="https://login.example.com/token")), {})])
    add("api-security-component-oauth-token-url-changed", "An OAuth flow's token URL changed.",
        "changed `{attribute}` of the security scheme `{name}` from `{old}` to `{new}`",
        "An error by mergegate's choice (oasdiff: INFO). Clients obtain tokens at the configured token URL; "
        "after the change they ask the old endpoint and get no usable token.", sch_err,
        [("positive", secured(oauth()), secured(oauth(tokenUrl="https://login.example.com/token")), {}),
         ("negative", secured(oauth()), secured(oauth(authorizationUrl="https://login.example.com/authorize")), {})])
    two_flows = lambda: {"type": "oauth2", "flows": dict(oauth()["flows"], clientCredentials={
        "tokenUrl": "https://auth.example.com/token", "scopes": {"read": "Read users"}})}
    add("api-security-component-oauth-flow-removed", "An OAuth security scheme no longer offers a flow.",
        "removed the {flow} flow from the security scheme `{name}`",
        "Clients obtain tokens with one flow (a backend with client credentials, an app with the authorization "
        "code); those using the removed flow can no longer get a token. A mergegate rule (oasdiff reports none).",
        "Keep the flow in this major version, or publish the change under a new major version.",
        [("positive", secured(two_flows()), secured(oauth()), {}),
         ("negative", secured(oauth()), secured(two_flows()), {})])
    add("api-security-component-oauth-flow-added", "An OAuth security scheme offers another flow.",
        "added the {flow} flow to the security scheme `{name}`", "Compatible: existing flows keep working.",
        "Nothing to do.",
        [("positive", secured(oauth()), secured(two_flows()), {}),
         ("negative", secured(two_flows()), secured(oauth()), {})])
    scopes = lambda sc: oauth(scopes=sc)
    add("api-security-component-oauth-scope-added", "A security scheme declares a new OAuth scope.",
        "added the scope `{value}` to the {flow} flow of the security scheme `{name}`", "Compatible.",
        "Nothing to do.",
        [("positive", secured(scopes({"read": "Read users"})), secured(scopes({"read": "Read users", "admin": "All"})),
          {}), ("negative", secured(scopes({"read": "Read users", "admin": "All"})), secured(scopes({"read": "Read users"})), {})])
    add("api-security-component-oauth-scope-removed", "A security scheme no longer declares an OAuth scope.",
        "removed the scope `{value}` from the {flow} flow of the security scheme `{name}`",
        "Informational, as in oasdiff: operations that require the scope are reported on their own.",
        "Check that no client still requests the scope.",
        [("positive", secured(scopes({"read": "Read users", "admin": "All"})), secured(scopes({"read": "Read users"})),
          {}), ("negative", secured(scopes({"read": "Read users"})), secured(scopes({"read": "Read users", "admin": "All"})), {})])
    add("api-security-component-oauth-scope-changed", "The description of an OAuth scope changed.",
        "changed the description of the scope `{value}` in the {flow} flow of the security scheme `{name}`",
        "Informational.", "Nothing to do.",
        [("positive", secured(scopes({"read": "Read users"})), secured(scopes({"read": "Read all users"})), {}),
         ("negative", secured(scopes({"read": "Read users"})), doc_change(secured(scopes({"read": "Read users"}))), {})])
    two_schemes = lambda: dict(secured(basic), components={"securitySchemes": {"auth": basic, "key": {
        "type": "apiKey", "in": "header", "name": "X-Key"}}})
    add("api-security-component-added", "A security scheme was added to the components.",
        "added the security scheme `{name}`", "Informational.", "Nothing to do.",
        [("positive", secured(basic), two_schemes(), {}), ("negative", two_schemes(), secured(basic), {})])
    add("api-security-component-removed", "A security scheme was removed from the components.",
        "removed the security scheme `{name}`",
        "Informational, as in oasdiff: operations that required it are reported on their own.", "Nothing to do.",
        [("positive", two_schemes(), secured(basic), {}), ("negative", secured(basic), two_schemes(), {})])

    # webhooks (3.1)
    wh = lambda names: dict(spec("3.1.0"), webhooks={n: {"post": {"operationId": n, "responses": {
        "200": {"description": "OK"}}}} for n in names})
    add("webhook-added", "A webhook was added.", "added the webhook `{name}`", "Informational.", "Nothing to do.",
        [("positive", wh(["userCreated"]), wh(["userCreated", "userDeleted"]), {}),
         ("negative", wh(["userCreated", "userDeleted"]), wh(["userCreated"]), {})])
    add("webhook-removed", "A webhook was removed.", "removed the webhook `{name}`",
        "Subscribers expect the callbacks they registered for.", "Keep the webhook, or publish a new major version.",
        [("positive", wh(["userCreated", "userDeleted"]), wh(["userCreated"]), {}),
         ("negative", wh(["userCreated"]), wh(["userCreated", "userDeleted"]), {})])

    # versioning and URI versions (mergegate's own)
    brk_head = lambda v: spec(resp=user(required=("id",), props={"id": S, "lastName": S}), info_version=v)
    add_head = lambda v: spec(resp=user(props={"id": S, "firstName": S, "lastName": S, "email": S}), info_version=v)
    add("api-version-not-semver", "info.version is not a semantic version.",
        "`info.version` `{value}` is not a semantic version (MAJOR.MINOR.PATCH); version rules are skipped",
        "The versioning rules need MAJOR.MINOR.PATCH to tell whether the bump matches the change.",
        "Use a semantic version such as `2.1.0` (a leading `v` is allowed).",
        [("positive", resp_base, add_head("2024-06"), {}), ("negative", resp_base, add_head("v1.1.0"), {})])
    add("api-version-not-bumped", "A breaking change was made without changing info.version.",
        "breaking change ({reason}) but `info.version` stays {new}: bump the {bump} version",
        "Consumers use the version to tell whether they can upgrade safely. An error, as the issue's versioning "
        "rules require (oasdiff reports its version checks as INFO). For 0.y.z versions a MINOR bump is enough "
        "(SemVer item 4).",
        "Bump the MAJOR version (MINOR for 0.y.z), and move breaking paths to a new `/v{N+1}`.",
        [("positive", resp_base, brk_head("1.0.0"), {}), ("negative", resp_base, brk_head("2.0.0"), {})])
    add("api-major-version-not-bumped", "A breaking change was made with only a minor or patch bump.",
        "breaking change ({reason}) needs a {bump} version bump, but `info.version` went from {old} to {new}",
        "A minor or patch bump promises compatibility. An error, as the issue's versioning rules require (oasdiff: "
        "INFO).", "Bump the MAJOR version (MINOR for 0.y.z).",
        [("positive", resp_base, brk_head("1.1.0"), {}), ("negative", resp_base, brk_head("2.0.0"), {})])
    add("api-minor-version-not-bumped", "An additive change was made without a minor version bump.",
        "additive change ({reason}) needs at least a minor version bump, but `info.version` {movement}",
        "A minor bump tells consumers that something new is available.", "Bump the MINOR version.",
        [("positive", resp_base, add_head("1.0.1"), {}), ("negative", resp_base, add_head("1.1.0"), {})])
    add("api-version-decreased", "info.version went down.", "`info.version` decreased from {old} to {new}",
        "Versions only move forward; a lower version confuses every consumer and cache. An error by mergegate's "
        "choice (oasdiff: INFO). Pre-releases order as SemVer says (`1.0.0-rc.2` is above `1.0.0-rc.1` and below "
        "`1.0.0`).",
        "Restore a version above the base version.",
        [("positive", spec(resp=user(), info_version="1.2.0"), add_head("1.1.9"), {}),
         ("negative", spec(resp=user(), info_version="1.2.0"), add_head("1.3.0"), {})])
    v1 = spec(resp=user(), path="/v1/users/{userId}")
    add("api-uri-version-not-bumped", "A breaking change inside an already published /v{N}.",
        "breaking change ({reason}) inside the published `{version}` of {operation}: publish it under a new URI version",
        "Clients pinned to `/v{N}` cannot follow a breaking change, whatever `info.version` says.",
        "Add the changed operation under `/v{N+1}` and keep `/v{N}` until its sunset.",
        [("positive", v1, spec(resp=user(required=("id",), props={"id": S, "lastName": S}), info_version="2.0.0"), {}),
         ("negative-new-uri-version", v1, dict(spec(resp=user(), info_version="2.0.0"), paths=dict(
             v1["paths"], **spec(resp=user(required=("id",), props={"id": S, "lastName": S}),
                                 path="/v2/users/{userId}", op_id="updateUserV2")["paths"])), {})])
    add("api-uri-version-mismatch", "A new /v{N} path does not match info.version's major.",
        "{subject} is in `{version}`, but `info.version` is {new}",
        "The URI version and the spec version must tell the same story.",
        "Bump `info.version` to the matching major, or use the right `/v{N}` prefix.",
        [("positive", v1, dict(v1, paths=dict(v1["paths"], **spec(path="/v2/users/{userId}", op_id="updateUserV2")["paths"])), {}),
         ("negative", v1, dict(spec(resp=user(), info_version="2.0.0"),
                               paths=dict(v1["paths"], **spec(path="/v2/users/{userId}", op_id="updateUserV2")["paths"])), {})])
    add("spec-version-changed", "The OpenAPI version of the spec changed (e.g. 3.0 to 3.1).",
        "the spec moved from OpenAPI {old} to {new}; it was diffed after normalising",
        "Informational: `nullable`, type arrays and `oneOf` with null are unified before the diff.",
        "Nothing to do.",
        [("positive", spec(resp=dict(S, nullable=True)), spec("3.1.0", resp={"type": ["string", "null"]}), {}),
         ("negative", spec(resp=dict(S, nullable=True)), doc_change(spec(resp=dict(S, nullable=True))), {})])


# ---------------------------------------------------------------- raw (bad input) rules

REF_MESSAGE = "the {side}`$ref: {ref}` ({where}) cannot be followed: {reason}; what it names was not compared"


def SPEC_WITH_SCHEMA(schema, components=None):
    doc = spec(resp=schema)
    if components:
        doc["components"] = {"schemas": components}
    return doc


RAW_RULES = {
    "spec-unparseable": dict(
        level="ERR", impact="none", summary="A spec at head cannot be parsed.",
        message="the spec cannot be parsed: {problem}; it was not diffed",
        why="A spec that does not parse cannot be checked, and tools generated from it fail.",
        fix="Fix the syntax at the reported line (YAML indentation, duplicate keys, invalid UTF-8, anchors).",
        cases=[("positive-duplicate-key", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n"
                "paths: {}\npaths: {}\n"),
               ("positive-yaml-bomb", None, "openapi: 3.0.3\ninfo: {title: A, version: 1.0.0}\npaths: {}\n"
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"),
               ("negative", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\npaths: {}\n")]),
    "spec-invalid": dict(
        level="ERR", impact="none", summary="A spec at head is not a valid OpenAPI document.",
        message="the spec is not valid OpenAPI: {problem}; it was not diffed",
        why="A structurally invalid spec cannot be compared reliably and breaks code generators.",
        fix="Fix the reported node (swagger-parser's message names the attribute).",
        cases=[("positive-wrong-type", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n"
                "paths:\n  /a:\n    get:\n      responses: 5\n"),
               ("negative", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\npaths: {}\n")]),
    "spec-incomplete": dict(
        level="WARN", impact="none", summary="A spec at head misses fields OpenAPI requires.",
        message="the spec misses a required field: {problem}",
        why="Missing descriptions, responses or path-parameter declarations make the spec invalid for "
            "strict tools, but the diff can still run.",
        fix="Add the missing field at the reported line.",
        cases=[("positive-missing-description", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n"
                "paths:\n  /a:\n    get:\n      responses:\n        '200': {}\n"),
               ("negative", None, "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\npaths:\n  /a:\n    get:\n"
                "      responses:\n        '200':\n          description: OK\n")]),
    "spec-too-complex": dict(
        level="ERR", impact="none", summary="Comparing a spec with its base exceeded the comparison budget.",
        message="comparing this spec with its base took more than {limit} schema comparisons; the rest of the "
                "change was not checked",
        why="The comparison is bounded so a pathological spec cannot stall the gate. What was not compared cannot be "
            "declared safe, so the gate fails closed.",
        fix="Split the spec, or reduce the schemas every operation reaches (shared components are compared once); "
            "if the spec is legitimate, report it with the spec attached.",
        cases=[("negative", "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\npaths: {}\n",
                "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n  description: d\npaths: {}\n")]),
    "spec-ref-unresolved": dict(
        level="ERR", impact="none", summary="A $ref in the head spec leads nowhere.",
        message=REF_MESSAGE,
        why="A reference to a missing file or a missing node makes the spec invalid: code generators and "
            "validators fail on it, and the gate cannot compare what it names, so it fails closed.",
        fix="Point the `$ref` at an existing file and node (paths are relative to the file that holds the ref), "
            "or add what it names.",
        cases=[("positive", SPEC_WITH_SCHEMA({"type": "object"}), SPEC_WITH_SCHEMA({"$ref": "#/components/schemas/Gone"})),
               ("negative", SPEC_WITH_SCHEMA({"type": "object"}), SPEC_WITH_SCHEMA({"$ref": "#/components/schemas/User"},
                                                                                   {"User": {"type": "object"}}))]),
    "spec-ref-not-followed": dict(
        level="WARN", impact="none", summary="A $ref was not followed, so what it names was not compared.",
        message=REF_MESSAGE,
        why="Remote references are never fetched (the gate sends no traffic), and a reference the base spec could "
            "not follow leaves nothing to compare with. Nothing is known to be broken, but nothing was checked.",
        fix="Vendor the remote schema into the repository and reference it by a relative path.",
        cases=[("positive-remote", SPEC_WITH_SCHEMA({"type": "object"}),
                SPEC_WITH_SCHEMA({"$ref": "https://schemas.example.com/user.yaml"})),
               ("negative", SPEC_WITH_SCHEMA({"type": "object"}), SPEC_WITH_SCHEMA({"type": "object", "title": "U"}))]),
    "base-spec-unparseable": dict(
        level="WARN", impact="none", summary="The base version of a spec cannot be parsed; the diff was skipped.",
        message="the base version of this spec ({base}) cannot be parsed ({problem}); breaking changes were not checked",
        why="Without a readable base, nothing can be compared.",
        fix="Nothing in this change is required; the next change is compared with this (valid) head.",
        cases=[("positive", "openapi: 3.0.3\ninfo: [\n", "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n"
                "paths: {}\n"),
               ("negative", "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\npaths: {}\n",
                "openapi: 3.0.3\ninfo:\n  title: A\n  version: 1.0.0\n  description: d\npaths: {}\n")]),
}


# ---------------------------------------------------------------- output

class _Dumper(yaml.SafeDumper):
    """Writes shared sub-documents in full instead of as YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump(doc):
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=120)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def removal(name):
    """Rules about something the base had and the head lost (the checker's OpenApiDiff.removal)."""
    return name.endswith(("-removed", "-deleted", "-unset")) or "-removed-" in name


def md(name, r):
    sev = SEVERITY[r["level"]]
    message = r["message"]
    if removal(name) and "{base}" not in message:
        message += " (base: {base})"
    msg = message.replace('"', '\\"')
    summary = r["summary"].replace('"', '\\"')
    return (f"---\nid: openapi/{name}\nseverity: {sev}\nsummary: \"{summary}\"\nmessage: \"{msg}\"\n"
            f"tags: [openapi]\n---\n## Why\n{r['why']}\n\n## How to fix\n{r['fix']}\n\n"
            f"## Example\nSee `fixtures/openapi/{name}/` for a base and head spec that trigger this rule "
            f"(`positive*`) and one that does not (`negative*`).\n")


def write_case(name, case, base, head, options, level):
    d = os.path.join(FIX_DIR, name, case)
    shutil.rmtree(d, ignore_errors=True)
    for side, doc in (("base", base), ("head", head)):
        if doc is not None:
            write(os.path.join(d, side, SPEC), doc if isinstance(doc, str) else dump(doc))
    if options:
        write(os.path.join(d, "case.yaml"), yaml.safe_dump(options, sort_keys=False))
    if case.startswith("positive"):
        write(os.path.join(d, "expected.yaml"), yaml.safe_dump({"exact": False, "findings": [
            {"rule": f"openapi/{name}", "file": SPEC, "severity": SEVERITY[level]}]}, sort_keys=False))
    else:
        write(os.path.join(d, "expected.yaml"), "exact: false\n")


def main():
    keep = None
    if "--keep" in sys.argv:
        with open(sys.argv[sys.argv.index("--keep") + 1]) as f:
            keep = {line.strip() for line in f if line.strip()}
    levels = {}
    with open(os.path.join(os.path.dirname(__file__), "levels.tsv")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                n, lv, imp = line.rstrip("\n").split("\t")
                levels[n] = (lv, imp)
    schema_rules(levels)
    handwritten(levels)
    for n, r in RAW_RULES.items():
        RULES[n] = r
    names = sorted(n for n in RULES if keep is None or n in keep)
    # rules no longer generated lose their files; hand-written cases (other case names) are kept
    for stale in set(os.listdir(FIX_DIR) if os.path.isdir(FIX_DIR) else []) - set(names):
        shutil.rmtree(os.path.join(FIX_DIR, stale))
    for stale in set(os.listdir(RULES_DIR) if os.path.isdir(RULES_DIR) else []) - {n + ".md" for n in names}:
        os.remove(os.path.join(RULES_DIR, stale))
    for n in names:
        r = RULES[n]
        write(os.path.join(RULES_DIR, n + ".md"), md(n, r))
        for case, base, head, *opt in r["cases"]:
            write_case(n, case, base, head, opt[0] if opt else {}, r["level"])
    with open(TSV, "w") as f:
        f.write("# generated by checkers/openapi/tools/generate_catalogue.py: name, level, version impact\n")
        for n in names:
            f.write(f"{n}\t{RULES[n]['level']}\t{RULES[n]['impact']}\n")
    print(f"{len(names)} rules")


if __name__ == "__main__":
    main()
