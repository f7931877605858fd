// The DuckDB extension's functions in plain C++: each SQL function as the declaration gives
// it (idl/functions.toml, generated into sql_table.inc), the rows one group of an aggregate
// collects, and the core's answer as an SQL value or an error message. No DuckDB header:
// extension.cpp moves vectors in and out, and the unit tests and the fuzzer drive this part
// on its own.
#pragma once

#include "groups.hpp"

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ca::sql {

// How an argument's SQL values reach the core.
enum class Input {
    cell,   // a key, an outcome, a value: any type, read as a number or a text (NULL: empty)
    date,   // DATE, TIMESTAMP or a text date (NULL: empty)
    number, // DOUBLE
    code,   // VARCHAR
    value,  // DOUBLE or VARCHAR, one overload each: the result has its type
};

// What a function gives: DOUBLE, BIGINT, VARCHAR, the type of its `value` argument, or a
// LIST of STRUCTs of DOUBLE fields (a table's rows).
enum class Returns { number, count, text, value, rows };

struct Argument {
    std::string_view name;        // its Calc name in snake case
    std::string_view description; // the declaration's, in English: what an error quotes
    std::string_view role;        // the declaration's
    std::size_t calc = 0;         // its number among the Calc function's arguments
    Input input = Input::cell;
    bool column = false; // one value per row (of an aggregate), else one per group or call
    bool optional = false;
    Cell example = {}; // a valid value (the declaration's, or its role's): what blame tries
};

// DuckDB's DATE counts days from 1970-01-01: the serials the extension hands the core do too.
inline const DateOrigin sql_dates{.null_date = 0};

// The inputs of one evaluation, by Calc argument number: a column (an aggregate's rows) or
// a value; a number the SQL form leaves out is an empty column or cell.
class Call {
  public:
    ColumnView column(std::size_t calc) const {
        return calc < columns_.size() && columns_[calc] ? ColumnView(*columns_[calc])
                                                        : ColumnView();
    }
    const Cell& scalar(std::size_t calc) const {
        static const Cell empty;
        return calc < values_.size() ? values_[calc] : empty;
    }
    void set_column(std::size_t calc, const Column& column);
    void set_value(std::size_t calc, Cell value);

    const DateOrigin origin = sql_dates;

  private:
    std::vector<const Column*> columns_;
    std::vector<Cell> values_;
};

// An SQL value: NULL, a number, a text or a table's rows.
using Answer = std::variant<std::monostate, double, std::string, Grid>;
Result<Answer> answer(const Result<double>& r);
Result<Answer> answer(const Result<std::string>& r);
Result<Answer> answer(const Result<Grid>& r);
// A table's `whole` figure: what Keys omitted gives in Calc.
Result<Answer> answer(const Result<GroupTable>& r);

struct Function {
    std::string_view name;
    bool aggregate = false; // any argument a column
    Returns returns = Returns::number;
    std::vector<std::string_view> fields; // Returns::rows: each row's fields
    std::size_t group_by = 0;        // the column GROUP BY stands in for (Calc number; 0: none)
    std::vector<Argument> arguments; // in SQL order
    Result<Answer> (*evaluate)(const Call&) = nullptr;

    std::size_t required() const;
    // "avg_touchpoints(customers, dates[, start, end])": what error messages quote.
    std::string signature() const;
};

// Every SQL function, from the declaration, and one by name (null: none).
std::span<const Function> functions();
const Function* function_named(std::string_view name);

// What an aggregate's group collects: the cells of its column arguments, row by row, and
// the one value of each other argument, which must be the same on every row.
class Rows {
  public:
    explicit Rows(const Function& f);

    // The SQL argument `argument`'s cell of the next row; every argument gets one per row.
    // An error message when a one-per-group argument differs from its first row's.
    std::optional<std::string> add(std::size_t argument, CellView cell);
    // Another group's rows after these (DuckDB's combine): the same function's.
    std::optional<std::string> append(const Rows& other);
    std::size_t rows() const;

    const Function& function() const { return *function_; }
    // The one-per-group values by SQL argument (empty for columns and values not given).
    std::span<const Cell> values() const { return values_; }
    // Each distinct customer text once (they are added unsought, see add): before call().
    void settle();
    // The inputs by Calc number, viewing these rows.
    Call call() const;

  private:
    const Function* function_;
    std::vector<Column> columns_; // by SQL argument (empty for one-per-group ones)
    std::vector<Cell> values_;    // by SQL argument, the first row's
    std::vector<bool> has_value_; // whether a row gave it yet
    Column group_;                // `group_by`: one key on every row
};

// The core's answer for a group's rows or a scalar call's arguments (by SQL argument), or
// an SQL error message naming the function and, where one argument alone is at fault, it.
struct Evaluated {
    Answer answer;
    std::string error; // empty: none
};
Evaluated evaluate(Rows& rows); // settles them
Evaluated evaluate(const Function& f, std::span<const Cell> arguments);

// Messages for the extension: an argument of a type it cannot read.
std::string type_error(const Function& f, std::size_t argument, std::string_view type);

} // namespace ca::sql
