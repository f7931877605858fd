// The SQL functions' table, the rows of a group and the answers and messages DuckDB gets.
#include "sql.hpp"

#include "entry_points.hpp"

#include <algorithm>
#include <cstdio>

namespace ca::sql {
namespace {

#include "sql_table.inc"

// A value as an error message quotes it: a date as a date, a text in quotes.
std::string quoted(CellView cell, Input input, DateOrigin origin) {
    if (cell.kind == Cell::Kind::text) return "'" + std::string(cell.text) + "'";
    if (cell.kind == Cell::Kind::empty) return "NULL";
    if (input == Input::date) {
        if (const auto day = serial_day(cell.number, origin)) {
            const auto ymd = date_of(*day);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
            return buf;
        }
    }
    return key_text(cell);
}

// Customers are added unsought: of a hundred thousand of them, every group's table would
// be probed on every row (and on every row combined), out of the cache; Rows::settle looks
// them up at the end, one group at a time. Few distinct dates and outcomes are cheaper
// looked up as they come.
bool unsought(const Argument& a) {
    return a.role == "ids";
}

void push(const Argument& a, Column& column, CellView cell) {
    if (unsought(a) && cell.kind == Cell::Kind::text && !cell.text.empty())
        column.push_text(column.new_text(cell.text));
    else
        column.push_back(cell);
}

bool same(const Cell& a, CellView b) {
    if (a.kind != b.kind) return false;
    if (a.kind == Cell::Kind::number)
        return a.number == b.number || (a.number != a.number && b.number != b.number);
    return a.text == b.text;
}

std::string prefix(const Function& f) {
    return std::string(f.name) + ": ";
}

// Why a call is invalid, as well as one argument alone tells it: a date column's cell that
// is no date; Start and End each a date but not together; else the first one-per-call value
// whose change makes the call valid; else the rows as a whole.
std::string blame(const Function& f, const Call& call, std::span<const Cell> values) {
    for (const Argument& a : f.arguments) {
        if (!a.column || a.input != Input::date) continue;
        const ColumnView dates = call.column(a.calc);
        const DayColumn days(dates, call.origin);
        for (std::size_t i = 0; i < dates.size(); ++i)
            if (days[i] == DayColumn::not_a_date)
                return prefix(f) + std::string(a.name) + " holds " +
                       quoted(dates[i], a.input, call.origin) +
                       ", which is no date (a DATE, a TIMESTAMP or a text such as 2024-04-01 "
                       "or 令和6年4月1日)";
    }
    // Which values alone make the call valid: left out (a value, then #N/A, counts), or
    // given their declaration's example (a valid value of their role).
    enum Fix { none, valid, not_available };
    const auto fix_with = [&](const Argument& a, const Cell& value) {
        Call with = call;
        with.set_value(a.calc, value);
        const auto r = f.evaluate(with);
        return r ? valid : r.error() == Error::not_available ? not_available : none;
    };
    std::vector<std::size_t> left_out, left_out_na, example;
    for (std::size_t i = 0; i < f.arguments.size(); ++i) {
        const Argument& a = f.arguments[i];
        if (a.column || values[i].is_empty()) continue;
        const Fix without = fix_with(a, Cell());
        if (without == valid) left_out.push_back(i);
        if (without == not_available) left_out_na.push_back(i);
        if (!a.example.is_empty() && fix_with(a, a.example) != none) example.push_back(i);
    }
    const auto named = [&](std::size_t i) {
        return std::string(f.arguments[i].name) + " " +
               quoted(values[i], f.arguments[i].input, call.origin);
    };
    // A window whose bounds are dates, each alone, but not together: start after end.
    const auto bound = [&](std::string_view role) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < f.arguments.size(); ++i)
            if (f.arguments[i].role == role && !values[i].is_empty() &&
                read_bound(values[i], call.origin))
                return i;
        return std::nullopt;
    };
    const auto start = bound("start"), end = bound("end");
    if (start && end && !read_window(values[*start], values[*end], call.origin))
        return prefix(f) + named(*start) + " is after " + named(*end);
    for (const auto* fixers : {&left_out, &example, &left_out_na}) {
        if (fixers->empty()) continue;
        const Argument& a = f.arguments[fixers->front()];
        return prefix(f) + "invalid " + named(fixers->front()) + " (" + std::string(a.name) + ": " +
               std::string(a.description) + ")";
    }
    return prefix(f) + "invalid input for " + f.signature() +
           (f.aggregate ? " in these rows (Calc's Err:502)" : " (Calc's Err:502)");
}

Evaluated evaluated(const Function& f, const Call& call, std::span<const Cell> values) {
    Result<Answer> r = f.evaluate(call);
    if (r) return {std::move(*r), {}};
    if (r.error() == Error::not_available) return {};
    return {{}, blame(f, call, values)};
}

} // namespace

void Call::set_column(std::size_t calc, const Column& column) {
    if (calc >= columns_.size()) columns_.resize(calc + 1, nullptr);
    columns_[calc] = &column;
}

void Call::set_value(std::size_t calc, Cell value) {
    if (calc >= values_.size()) values_.resize(calc + 1);
    values_[calc] = std::move(value);
}

Result<Answer> answer(const Result<double>& r) {
    if (!r) return fail(r.error());
    return Answer(*r);
}
Result<Answer> answer(const Result<std::string>& r) {
    if (!r) return fail(r.error());
    return Answer(*r);
}
Result<Answer> answer(const Result<Grid>& r) {
    if (!r) return fail(r.error());
    return Answer(*r);
}
Result<Answer> answer(const Result<GroupTable>& r) {
    if (!r) return fail(r.error());
    if (!r->whole) return invalid(); // the declaration gives SQL only tables with one
    const Figure& whole = *r->whole;
    if (const auto n = whole.number()) return Answer(*n);
    if (const auto t = whole.text()) return Answer(std::string(*t));
    return Answer();
}

std::size_t Function::required() const {
    std::size_t n = 0;
    for (const Argument& a : arguments)
        n += a.optional ? 0 : 1;
    return n;
}

std::string Function::signature() const {
    std::string s = std::string(name) + "(";
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i].optional && (i == 0 || !arguments[i - 1].optional)) s += "[";
        if (i > 0) s += ", ";
        s += arguments[i].name;
    }
    if (!arguments.empty() && arguments.back().optional) s += "]";
    return s + ")";
}

std::span<const Function> functions() {
    static const std::vector<Function> table = declared_functions();
    return table;
}

const Function* function_named(std::string_view name) {
    for (const Function& f : functions())
        if (f.name == name) return &f;
    return nullptr;
}

Rows::Rows(const Function& f)
    : function_(&f), columns_(f.arguments.size()), values_(f.arguments.size()),
      has_value_(f.arguments.size(), false) {}

std::optional<std::string> Rows::add(std::size_t argument, CellView cell) {
    if (argument >= columns_.size()) return prefix(*function_) + "too many arguments";
    const Argument& a = function_->arguments[argument];
    if (argument == 0 && a.column && function_->group_by != 0) group_.push_number(1);
    if (a.column) {
        push(a, columns_[argument], cell);
        return std::nullopt;
    }
    if (!has_value_[argument]) {
        values_[argument] = copy_of(cell);
        has_value_[argument] = true;
    } else if (!same(values_[argument], cell)) {
        return prefix(*function_) + std::string(a.name) +
               " must be one value in each group, here " +
               quoted(values_[argument], a.input, sql_dates) + " and " +
               quoted(cell, a.input, sql_dates);
    }
    return std::nullopt;
}

std::optional<std::string> Rows::append(const Rows& other) {
    if (other.function_ != function_) return prefix(*function_) + "rows of another function";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const Argument& a = function_->arguments[i];
        if (a.column && unsought(a)) {
            columns_[i].reserve(columns_[i].size() + other.columns_[i].size());
            for (std::size_t r = 0; r < other.columns_[i].size(); ++r)
                push(a, columns_[i], other.columns_[i][r]);
        } else if (a.column) {
            columns_[i].append(other.columns_[i]);
        } else if (other.has_value_[i]) {
            if (auto error = add(i, other.values_[i])) return error;
        }
    }
    group_.append(other.group_);
    return std::nullopt;
}

std::size_t Rows::rows() const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (function_->arguments[i].column) return columns_[i].size();
    return 0;
}

void Rows::settle() {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (!unsought(function_->arguments[i])) continue;
        Column looked_up;
        looked_up.reserve(columns_[i].size());
        for (std::size_t r = 0; r < columns_[i].size(); ++r)
            looked_up.push_back(columns_[i][r]);
        columns_[i] = std::move(looked_up);
    }
}

Call Rows::call() const {
    Call call;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const Argument& a = function_->arguments[i];
        if (a.column)
            call.set_column(a.calc, columns_[i]);
        else
            call.set_value(a.calc, values_[i]);
    }
    if (function_->group_by != 0) call.set_column(function_->group_by, group_);
    return call;
}

Evaluated evaluate(Rows& rows) {
    rows.settle();
    return evaluated(rows.function(), rows.call(), rows.values());
}

Evaluated evaluate(const Function& f, std::span<const Cell> arguments) {
    // Every argument a cell, the optional ones left out empty.
    std::vector<Cell> values(f.arguments.size());
    std::copy_n(arguments.begin(), std::min(arguments.size(), values.size()), values.begin());
    Call call;
    for (std::size_t i = 0; i < f.arguments.size(); ++i)
        call.set_value(f.arguments[i].calc, values[i]);
    return evaluated(f, call, values);
}

std::string type_error(const Function& f, std::size_t argument, std::string_view type) {
    const Argument& a = f.arguments.at(argument);
    const char* wanted = a.input == Input::date   ? "a DATE, a TIMESTAMP or a VARCHAR date"
                         : a.input == Input::cell ? "a number, a BOOLEAN or a VARCHAR"
                                                  : "a number or a VARCHAR";
    return prefix(f) + std::string(a.name) + " is " + std::string(type) + "; it takes " + wanted;
}

} // namespace ca::sql
