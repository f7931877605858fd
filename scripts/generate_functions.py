#!/usr/bin/python3
"""Makes the registration side of the add-in from its one declaration (idl/functions.toml):
the interface (XCustomerAnalytics.idl), each method's UNO adapter (adapters.inc, included in
the component's class), the Function Wizard's table (catalog_table.inc), the header of the
core's entry points (entry_points.hpp: each domain's header) and the DuckDB extension's table
of SQL functions (sql_table.inc). Run by CMake.

Usage: generate_functions.py idl/functions.toml OUTPUT_DIR
"""
import json
import os
import re
import sys
import tomllib

# The log's inputs that are no row-aligned column, by role, and the roles that are single
# values. The columns and their tables are declared in functions.toml ([tables]).
LOG_INPUTS = {"customer_list": "customer_list", "start": "start", "end": "end",
              "filters": "filters"}
SCALAR_ROLES = {"code", "number", "date", "start", "end", "value"}
OTHER_ROLES = SCALAR_ROLES | {"customer_list", "filters", "keys", "numbers", "array"}
LOG = "Log"
CSS = "com::sun::star::"
# The fields whose first cell can make a row a title (core/rows.hpp, the header rule), and
# how: a date column's text that is no date, a number column's text.
TITLE_OF_FIELD = {"dates": "date", "close_dates": "date", "open_dates": "date",
                  "amounts": "number", "touches": "number"}
# The fields of numbers, read as shown when the document computes with precision as shown.
SHOWN_FIELDS = {"amounts", "touches", "values"}
# How each role's values reach the core from SQL (duckdb/sql.hpp, Input): any cell, a date,
# a DOUBLE, a VARCHAR code, or a value whose type the result takes.
SQL_INPUT = {"dates": "date", "opened": "date", "closed": "date", "close_dates": "date",
             "open_dates": "date", "start": "date", "end": "date", "date": "date",
             "amounts": "number", "touches": "number", "number": "number", "code": "code",
             "values": "value", "ids": "cell", "groups": "cell", "outcomes": "cell",
             "array": "cell"}
# A valid value of each role, as a formula writes it, for an argument without an `example`:
# what the role-derived Calc cases give it (tests/calc/cases_roles.py) and what the SQL
# functions' error messages try in its place to find the argument at fault.
ROLE_EXAMPLE = {"number": "1", "array": "1", "date": '"2024-03-01"', "code": ""}
SQL_RETURNS = {"DOUBLE": "number", "BIGINT": "count", "VARCHAR": "text", "value": "value"}


def snake(method):
    """The core's name of a method: avgTouchpointsBy -> avg_touchpoints_by."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", method).lower()


def fail(message):
    sys.exit(f"functions.toml: {message}")


def resolve(spec, shared, column_roles, where):
    """An argument as a dict: a shared one, a shared one with changes, or written out."""
    if isinstance(spec, str):
        spec = {"use": spec}
    if "use" in spec:
        if spec["use"] not in shared:
            fail(f"{where}: no shared argument {spec['use']!r}")
        spec = {**shared[spec["use"]], **{k: v for k, v in spec.items() if k != "use"}}
    for key in ("role", "name", "description"):
        if key not in spec:
            fail(f"{where}: an argument without {key}")
    role = spec["role"]
    if role not in column_roles and role not in OTHER_ROLES:
        fail(f"{where}: unknown role {role!r}")
    arg = dict(spec)
    arg["column"] = role in column_roles
    arg["optional"] = (spec.get("optional", False) if arg["column"]
                       else not spec.get("required", False))
    arg["reference"] = arg["column"] and not arg["optional"]
    arg["repeated"] = role == "filters"
    name = spec["name"]["en"]
    arg["identifier"] = name[0].lower() + name[1:]
    return arg


def load(path):
    with open(path, "rb") as f:
        decl = tomllib.load(f)
    shared = decl.get("arguments", {})
    tables = decl.get("tables", {})
    if next(iter(tables), None) != LOG:
        fail(f"the first table must be the {LOG}")
    # Each column role: its table and field.
    column_roles = {}
    for table, fields in tables.items():
        for role, field in fields.items():
            if role in column_roles or role in OTHER_ROLES:
                fail(f"role {role!r} declared twice")
            column_roles[role] = (table, field)
    core = os.path.join(os.path.dirname(os.path.abspath(path)), "..", "core")
    functions = []
    for f in decl["function"]:
        where = f.get("method", "?")
        if f.get("display") != f["method"].upper():
            fail(f"{where}: display must be the method in capitals")
        if not os.path.exists(os.path.join(core, f.get("domain", "?") + ".hpp")):
            fail(f"{where}: no core/{f.get('domain')}.hpp for its domain")
        args = [resolve(a, shared, column_roles, where) for a in f["arguments"]]
        for number, a in enumerate(args, 1):
            a["number"] = number
            if a["column"]:
                a["table"], a["field"] = column_roles[a["role"]]
        roles = [a["role"] for a in args]
        targets = [(a["table"], a["field"]) for a in args if a["column"]]
        for target in set(targets):
            if targets.count(target) > 1:
                fail(f"{where}: two arguments fill {target[0]}.{target[1]}")
        if roles.count("keys") > 1:
            fail(f"{where}: keys given twice")
        if "filters" in roles and roles[-1] != "filters":
            fail(f"{where}: the filters must come last")
        if f.get("keys_to_core") and "keys" not in roles:
            fail(f"{where}: keys_to_core without keys")
        if "sql" in f:
            check_sql(f, args, where)
        functions.append({**f, "core": snake(f["method"]), "arguments": args})
    return decl, functions


def check_sql(f, args, where):
    """The SQL form: its arguments (by Calc name, in SQL order) and what it returns."""
    by_name = {a["name"]["en"]: a for a in args}
    sql = f["sql"]
    names = sql.get("arguments", []) + sql.get("optional", [])
    if sql.get("group_by"):
        names = names + [sql["group_by"]]
    for name in names:
        if name not in by_name:
            fail(f"{where}: sql names no argument {name!r}")
        if by_name[name]["role"] not in SQL_INPUT:
            fail(f"{where}: sql cannot take {name!r} (role {by_name[name]['role']})")
    if len(set(names)) != len(names):
        fail(f"{where}: sql names an argument twice")
    returns = sql.get("returns")
    if not isinstance(returns, list) and returns not in SQL_RETURNS:
        fail(f"{where}: sql returns {returns!r}: one of {', '.join(SQL_RETURNS)} or a list of fields")
    if f.get("keys_to_core"):
        fail(f"{where}: a matrix has no SQL form (GROUP BY a period instead)")


def cpp_string(s):
    return json.dumps(s, ensure_ascii=False)


def cpp_text(t):
    return "{" + cpp_string(t["en"]) + ", " + cpp_string(t["ja"]) + "}"


def idl_type(arg):
    if arg["repeated"]:
        return "sequence< any >"
    return CSS + "table::XCellRange" if arg["reference"] else "any"


def cpp_type(arg):
    if arg["repeated"]:
        return "const Sequence<Any>&"
    return "const CellRange&" if arg["reference"] else "const Any&"


def idl(decl, functions):
    module = decl["service"].split(".")[:-1]
    out = [
        "// Generated by scripts/generate_functions.py from idl/functions.toml: edit that.",
        "// The method names are stored in every saved document: never rename them.",
        "#include <com/sun/star/uno/XInterface.idl>",
        "#include <com/sun/star/beans/XPropertySet.idl>",
        "#include <com/sun/star/lang/IllegalArgumentException.idl>",
        "#include <com/sun/star/table/XCellRange.idl>",
        "",
        " ".join(f"module {m} {{" for m in module),
        "",
        f"interface X{decl['service'].split('.')[-1]} : {CSS}uno::XInterface",
        "{",
    ]
    for f in functions:
        params = [f"[in] {CSS}beans::XPropertySet options"]
        params += [f"[in] {idl_type(a)} {a['identifier']}" for a in f["arguments"]]
        out.append(f"    any {f['method']}(" + ",\n        ".join(params) + ")")
        out.append(f"        raises ({CSS}lang::IllegalArgumentException);")
    out += ["};", "", f"service {decl['service'].split('.')[-1]} : "
            f"X{decl['service'].split('.')[-1]};", "", " ".join("};" for _ in module), ""]
    return "\n".join(out)


def adapter(f, tables):
    """One XCustomerAnalytics method: read what the call needs by role, call the core with
    named fields, hand the answer back."""
    args = f["arguments"]
    columns = [a for a in args if a["column"]]
    by_role = {a["role"]: a for a in args}
    params = ["const Options& options" if columns else "const Options&"]
    params += [f"{cpp_type(a)} {a['identifier']}" for a in args]
    lines = [f"Any SAL_CALL {f['method']}(" + ", ".join(params) + ") override {",
             "    return guarded([&] {"]
    positional = []
    for a in args:
        if a["role"] in ("code", "number", "date"):
            positional.append(f"scalar({a['identifier']})")
        elif a["role"] == "value":
            positional.append(f"scalar_if_given({a['identifier']})")
        elif a["role"] == "numbers":
            positional.append(f"column({a['identifier']})")
        elif a["role"] == "array":
            positional.append(f"grid({a['identifier']})")
    if not columns:
        lines.append(f"        return result({f['core']}({', '.join(positional)}));")
        lines += ["    });", "}", ""]
        return "\n".join(lines)

    def column_argument(a):
        source = (f".reference = &{a['identifier']}" if a["reference"]
                  else f".given = &{a['identifier']}")
        table = "" if a["table"] == LOG else f", .table = {cpp_string(a['table'])}"
        title = (f", .title = ColumnArgument::Title::{TITLE_OF_FIELD[a['field']]}"
                 if a["field"] in TITLE_OF_FIELD else "")
        shown = ", .shown = true" if a["field"] in SHOWN_FIELDS else ""
        return f"{{.argument = {a['number']}, {source}{table}{title}{shown}}}"

    call_args = ["options", "{" + ", ".join(column_argument(a) for a in columns) + "}"]
    if "filters" in by_role or "keys" in by_role:
        call_args.append(by_role["filters"]["identifier"] if "filters" in by_role else "{}")
    if "keys" in by_role:
        call_args.append(by_role["keys"]["identifier"])
    lines.append(f"        const Call call({', '.join(call_args)});")
    log_inputs = {}
    for role in LOG_INPUTS:
        if role in by_role:
            arg = by_role[role]["identifier"]
            log_inputs[role] = {"customer_list": f"column({arg})",
                                "filters": "call.filters()"}.get(role, f"scalar({arg})")
    if f.get("keys_to_core"):
        positional.append("call.keys.asked")
    core_call = tables_and_call(f, tables, columns, log_inputs, positional, [])
    lines.append(f"        return call.answer({core_call});")
    lines += ["    });", "}", ""]
    return "\n".join(lines)


def tables_and_call(f, tables, columns, log_inputs, positional, log_extra):
    """The core's entry point called with its tables, each in the declaration's order with
    its fields in theirs (`call.column(N)` for the columns), then the positional inputs."""
    structs = []
    for table, fields in tables.items():
        filled = {a["field"]: a for a in columns if a["table"] == table}
        values = [f".{field} = call.column({filled[field]['number']})"
                  for field in dict.fromkeys(fields.values()) if field in filled]
        if table == LOG:
            values += [f".{LOG_INPUTS[role]} = {expr}" for role, expr in log_inputs.items()]
            values += [".origin = call.origin"] + log_extra
        if filled:
            structs.append(table + "{" + ", ".join(values) + "}")
    return f"{f['core']}({', '.join(structs + positional)})"


def sql_entry(f, tables):
    """One SQL function of the DuckDB extension: its arguments in SQL order (each named by
    its Calc name in snake case and numbered as in Calc), what it returns, and the core's
    entry point called as the adapter calls it, every Calc argument the SQL form leaves
    out being empty."""
    sql = f["sql"]
    args = f["arguments"]
    by_name = {a["name"]["en"]: a for a in args}
    given = [(by_name[n], False) for n in sql.get("arguments", [])]
    given += [(by_name[n], True) for n in sql.get("optional", [])]
    grouped = by_name[sql["group_by"]] if sql.get("group_by") else None
    in_sql = {id(a) for a, _ in given} | ({id(grouped)} if grouped else set())
    columns = [a for a in args if a["column"] and id(a) in in_sql]
    log_inputs = {a["role"]: f"call.scalar({a['number']})" for a, _ in given
                  if a["role"] in ("start", "end")}
    positional = []
    for a in args:
        if a["role"] in ("code", "number", "date", "array"):
            positional.append(f"call.scalar({a['number']})")
        elif a["role"] == "numbers":
            positional.append(f"call.column({a['number']})")
    core_call = tables_and_call(f, tables, columns, log_inputs, positional,
                                [".may_have_title = false"])
    aggregate = any(a["column"] for a, _ in given)
    entries = []
    for a, optional in given:
        example = a.get("example", ROLE_EXAMPLE.get(a["role"], ""))
        example = ("{}" if not example else
                   f"Cell::of(std::string({example}))" if example.startswith('"') else
                   f"Cell::of({float(example)!r})")
        entries.append(f"{{.name = {cpp_string(snake_name(a))}, "
                       f".description = {cpp_string(a['description']['en'])}, "
                       f".role = {cpp_string(a['role'])}, .calc = {a['number']}, .input = Input::{SQL_INPUT[a['role']]}, "
                       f".column = {str(a['column']).lower()}, "
                       f".optional = {str(optional).lower()}, .example = {example}}}")
    returns = sql["returns"]
    fields = returns if isinstance(returns, list) else []
    return (f"{{.name = {cpp_string(f['core'])}, .aggregate = {str(aggregate).lower()},\n"
            f" .returns = Returns::{'rows' if fields else SQL_RETURNS[returns]},\n"
            f" .fields = {{{', '.join(cpp_string(x) for x in fields)}}},\n"
            f" .group_by = {grouped['number'] if grouped else 0},\n"
            f" .arguments = {{\n     " + ",\n     ".join(entries) + "},\n"
            f" .evaluate = [](const Call& call) {{ return answer({core_call}); }}}},\n")


def snake_name(arg):
    """An argument's SQL name: its Calc name in snake case (AsOf: as_of)."""
    return snake(arg["name"]["en"])


def entry_points(functions):
    """Each domain's header, once: everything the adapters call."""
    domains = sorted({f["domain"] for f in functions})
    return ("#pragma once\n" + "".join(f'#include "{d}.hpp"\n' for d in domains))


def catalog_entry(f):
    args = []
    for a in f["arguments"]:
        flags = [f".role = {cpp_string(a['role'])}"]
        for flag in ("optional", "repeated", "reference"):
            if a[flag]:
                flags.append(f".{flag} = true")
        args.append(f"     {{.name = {cpp_text(a['name'])}, .description = "
                    f"{cpp_text(a['description'])}, {', '.join(flags)}}}")
    return (f"{{.method = {cpp_string(f['method'])}, .display = {cpp_string(f['display'])},\n"
            f" .description = {cpp_text(f['description'])},\n"
            f" .arguments = {{\n" + ",\n".join(args) + "}},\n")


def write(path, text):
    """Writes only what changed, so that an unchanged declaration rebuilds nothing."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    decl, functions = load(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    head = "// Generated by scripts/generate_functions.py from idl/functions.toml: edit that.\n"
    write(os.path.join(out, "XCustomerAnalytics.idl"), idl(decl, functions))
    write(os.path.join(out, "adapters.inc"),
          head + "".join(adapter(f, decl["tables"]) for f in functions))
    write(os.path.join(out, "entry_points.hpp"), head + entry_points(functions))
    write(os.path.join(out, "catalog_table.inc"),
          head + f"const std::string_view service = {cpp_string(decl['service'])};\n"
          f"const std::string_view implementation = {cpp_string(decl['implementation'])};\n"
          f"const Text category{cpp_text(decl['category'])};\n\n"
          "static std::vector<Function> declared_functions() {\n    return {\n" +
          "".join(catalog_entry(f) for f in functions) + "    };\n}\n")
    write(os.path.join(out, "sql_table.inc"),
          head + "static std::vector<Function> declared_functions() {\n    return {\n" +
          "".join(sql_entry(f, decl["tables"]) for f in functions if "sql" in f) +
          "    };\n}\n")

if __name__ == "__main__":
    main()
