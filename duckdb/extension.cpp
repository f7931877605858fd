// customer_analytics.duckdb_extension: the SQL functions of duckdb/sql.hpp registered in
// DuckDB through its stable C extension API (v1.2.0). This file only moves values between
// DuckDB's vectors and cells; what a function computes, its arguments and its messages come
// from sql.hpp and the core. Nothing may escape into DuckDB: every callback catches all and
// reports an SQL error instead.
#define DUCKDB_EXTENSION_NAME customer_analytics
#include "duckdb_extension.h"
DUCKDB_EXTENSION_EXTERN // the API's function table, filled by the entry point below

#include "sql.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <unordered_set>

    using namespace ca;
using namespace ca::sql;

namespace {

// A logical type, destroyed with its scope.
class Type {
  public:
    explicit Type(duckdb_logical_type t) : t_(t) {}
    explicit Type(duckdb_type id) : t_(duckdb_create_logical_type(id)) {}
    Type(const Type&) = delete;
    Type& operator=(const Type&) = delete;
    ~Type() { duckdb_destroy_logical_type(&t_); }
    duckdb_logical_type get() const { return t_; }

  private:
    duckdb_logical_type t_;
};

std::string_view text_of(const duckdb_string_t& s) {
    const std::uint32_t length = s.value.inlined.length;
    return {length <= 12 ? s.value.inlined.inlined : s.value.pointer.ptr, length};
}

const char* type_name(duckdb_type id) {
    switch (id) {
    case DUCKDB_TYPE_DATE:
        return "a DATE";
    case DUCKDB_TYPE_TIME:
        return "a TIME";
    case DUCKDB_TYPE_INTERVAL:
        return "an INTERVAL";
    case DUCKDB_TYPE_BLOB:
        return "a BLOB";
    case DUCKDB_TYPE_LIST:
        return "a LIST";
    case DUCKDB_TYPE_STRUCT:
        return "a STRUCT";
    case DUCKDB_TYPE_VARCHAR:
        return "a VARCHAR";
    case DUCKDB_TYPE_BOOLEAN:
        return "a BOOLEAN";
    case DUCKDB_TYPE_TINYINT:
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_UTINYINT:
    case DUCKDB_TYPE_USMALLINT:
    case DUCKDB_TYPE_UINTEGER:
    case DUCKDB_TYPE_UBIGINT:
    case DUCKDB_TYPE_HUGEINT:
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_DECIMAL:
        return "a number";
    default:
        return "of a type it cannot read";
    }
}

// Whether row r of a vector is not NULL (its validity mask: none means all are valid).
bool is_valid(const std::uint64_t* validity, idx_t r) {
    return !validity || ((validity[r / 64] >> (r % 64)) & 1) != 0;
}

double decimal(duckdb_hugeint v) {
    return static_cast<double>(v.upper) * 18446744073709551616.0 + static_cast<double>(v.lower);
}

// Calls on_cell(row, cell) for each of the `count` rows of a flat vector, read as `input`
// takes it: NULL an empty cell, a text viewed in the vector, a number, a DATE or TIMESTAMP
// a serial day from 1970-01-01 (a date input takes these and texts only). An error message
// when the vector's type is not one the input takes.
template <class OnCell>
std::optional<std::string> read_cells(const Function& f, std::size_t argument, duckdb_vector v,
                                      idx_t count, OnCell&& on_cell) {
    const Type type(duckdb_vector_get_column_type(v));
    const duckdb_type id = duckdb_get_type_id(type.get());
    const void* data = duckdb_vector_get_data(v);
    const std::uint64_t* validity = duckdb_vector_get_validity(v);
    const bool dates = f.arguments[argument].input == Input::date;
    const auto each = [&](auto&& cell_at) {
        for (idx_t r = 0; r < count; ++r)
            on_cell(r, is_valid(validity, r) ? cell_at(r) : CellView());
    };
    const auto numbers = [&](auto* values, double scale = 1) {
        each([&](idx_t r) {
            return CellView(Cell::Kind::number, static_cast<double>(values[r]) / scale, {});
        });
    };
    const auto days = [&](const std::int64_t* values, double per_day) {
        each([&](idx_t r) {
            return CellView(Cell::Kind::number,
                            std::floor(static_cast<double>(values[r]) / per_day), {});
        });
    };
    switch (id) {
    case DUCKDB_TYPE_SQLNULL:
        each([](idx_t) { return CellView(); });
        return std::nullopt;
    case DUCKDB_TYPE_VARCHAR: {
        const auto* s = static_cast<const duckdb_string_t*>(data);
        each([&](idx_t r) {
            const std::string_view t = text_of(s[r]);
            return CellView(t.empty() ? Cell::Kind::empty : Cell::Kind::text, 0, t);
        });
        return std::nullopt;
    }
    case DUCKDB_TYPE_DATE:
        if (!dates) break;
        numbers(static_cast<const std::int32_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        if (!dates) break;
        days(static_cast<const std::int64_t*>(data), 86'400e6);
        return std::nullopt;
    case DUCKDB_TYPE_TIMESTAMP_S:
        if (!dates) break;
        days(static_cast<const std::int64_t*>(data), 86'400);
        return std::nullopt;
    case DUCKDB_TYPE_TIMESTAMP_MS:
        if (!dates) break;
        days(static_cast<const std::int64_t*>(data), 86'400e3);
        return std::nullopt;
    case DUCKDB_TYPE_TIMESTAMP_NS:
        if (!dates) break;
        days(static_cast<const std::int64_t*>(data), 86'400e9);
        return std::nullopt;
    default:
        break;
    }
    if (dates) return type_error(f, argument, type_name(id));
    switch (id) {
    case DUCKDB_TYPE_BOOLEAN:
        numbers(static_cast<const bool*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_TINYINT:
        numbers(static_cast<const std::int8_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_SMALLINT:
        numbers(static_cast<const std::int16_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_INTEGER:
        numbers(static_cast<const std::int32_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_BIGINT:
        numbers(static_cast<const std::int64_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_UTINYINT:
        numbers(static_cast<const std::uint8_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_USMALLINT:
        numbers(static_cast<const std::uint16_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_UINTEGER:
        numbers(static_cast<const std::uint32_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_UBIGINT:
        numbers(static_cast<const std::uint64_t*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_FLOAT:
        numbers(static_cast<const float*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_DOUBLE:
        numbers(static_cast<const double*>(data));
        return std::nullopt;
    case DUCKDB_TYPE_DECIMAL: {
        const double scale = std::pow(10.0, duckdb_decimal_scale(type.get()));
        switch (duckdb_decimal_internal_type(type.get())) {
        case DUCKDB_TYPE_SMALLINT:
            numbers(static_cast<const std::int16_t*>(data), scale);
            return std::nullopt;
        case DUCKDB_TYPE_INTEGER:
            numbers(static_cast<const std::int32_t*>(data), scale);
            return std::nullopt;
        case DUCKDB_TYPE_BIGINT:
            numbers(static_cast<const std::int64_t*>(data), scale);
            return std::nullopt;
        case DUCKDB_TYPE_HUGEINT: {
            const auto* values = static_cast<const duckdb_hugeint*>(data);
            each([&](idx_t r) {
                return CellView(Cell::Kind::number, decimal(values[r]) / scale, {});
            });
            return std::nullopt;
        }
        default:
            break;
        }
        break;
    }
    default:
        break;
    }
    return type_error(f, argument, type_name(id));
}

const Function& function_of(duckdb_function_info info, bool aggregate) {
    return *static_cast<const Function*>(aggregate ? duckdb_aggregate_function_get_extra_info(info)
                                                   : duckdb_scalar_function_get_extra_info(info));
}

void set_error(duckdb_function_info info, bool aggregate, const std::string& message) {
    if (aggregate)
        duckdb_aggregate_function_set_error(info, message.c_str());
    else
        duckdb_scalar_function_set_error(info, message.c_str());
}

// Runs `body`, turning whatever it throws into an SQL error.
template <class Body> void guarded(duckdb_function_info info, bool aggregate, Body&& body) {
    try {
        if (auto error = body()) set_error(info, aggregate, *error);
    } catch (const std::exception& e) {
        set_error(info, aggregate, std::string("customer_analytics: ") + e.what());
    } catch (...) {
        set_error(info, aggregate, "customer_analytics: an unexpected failure");
    }
}

// Writes an answer at `row` of a result vector of the function's type.
void set_null(duckdb_vector result, idx_t row) {
    duckdb_vector_ensure_validity_writable(result);
    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(result), row);
}

void write(const Function& f, duckdb_vector result, idx_t row, const Answer& answer) {
    if (std::holds_alternative<std::monostate>(answer)) return set_null(result, row);
    // A text goes only into a VARCHAR result, a number only into a number one (latest_value's
    // two overloads): anything else would be written into memory of another type.
    const bool varchar = f.returns == Returns::text || [&] {
        const Type type(duckdb_vector_get_column_type(result));
        return duckdb_get_type_id(type.get()) == DUCKDB_TYPE_VARCHAR;
    }();
    if (const auto* text = std::get_if<std::string>(&answer)) {
        if (!varchar) return set_null(result, row);
        duckdb_vector_assign_string_element_len(result, row, text->data(), text->size());
        return;
    }
    if (const auto* number = std::get_if<double>(&answer)) {
        if (varchar) {
            const std::string text = key_text(Cell::of(*number));
            duckdb_vector_assign_string_element_len(result, row, text.data(), text.size());
            return;
        }
        if (f.returns == Returns::count)
            static_cast<std::int64_t*>(duckdb_vector_get_data(result))[row] =
                static_cast<std::int64_t>(*number);
        else
            static_cast<double*>(duckdb_vector_get_data(result))[row] = *number;
        return;
    }
    // A table: a LIST of STRUCTs, each cell of a row a field (an empty cell NULL).
    const Grid& grid = std::get<Grid>(answer);
    auto* entries = static_cast<duckdb_list_entry*>(duckdb_vector_get_data(result));
    const idx_t first = duckdb_list_vector_get_size(result);
    entries[row] = {first, grid.size()};
    duckdb_list_vector_reserve(result, first + grid.size());
    duckdb_list_vector_set_size(result, first + grid.size());
    duckdb_vector rows = duckdb_list_vector_get_child(result);
    for (std::size_t field = 0; field < f.fields.size(); ++field) {
        duckdb_vector child = duckdb_struct_vector_get_child(rows, field);
        auto* values = static_cast<double*>(duckdb_vector_get_data(child));
        for (std::size_t i = 0; i < grid.size(); ++i) {
            const bool has = field < grid[i].size() && grid[i][field].kind == Cell::Kind::number;
            if (has)
                values[first + i] = grid[i][field].number;
            else
                set_null(child, first + i);
        }
    }
}

// Aggregates: a state is a pointer to the group's Rows, made on its first row.
using State = Rows*;

// Every state DuckDB has us make, until it destroys it. DuckDB (1.4, 1.5) feeds an aggregate
// its rows sorted (an ORDER BY inside the call) with a constant vector of one state, which
// its C API hands over as if it were one state per row: only states[0] is a state then, and
// reading further ones would crash the host. update asks here whether states[1] is a state.
class Registry {
  public:
    void add(const void* state) {
        const std::scoped_lock lock(mutex_);
        states_.insert(state);
    }
    void remove(const void* state) {
        const std::scoped_lock lock(mutex_);
        states_.erase(state);
    }
    bool has(const void* state) {
        const std::scoped_lock lock(mutex_);
        return states_.contains(state);
    }

  private:
    std::mutex mutex_;
    std::unordered_set<const void*> states_;
};
Registry& made_states() {
    static Registry registry;
    return registry;
}

idx_t state_size(duckdb_function_info) {
    return sizeof(void*); // a State: one pointer
}

void state_init(duckdb_function_info, duckdb_aggregate_state state) {
    *reinterpret_cast<State*>(state) = nullptr;
    made_states().add(state);
}

void state_destroy(duckdb_aggregate_state* states, idx_t count) {
    for (idx_t i = 0; i < count; ++i) {
        State& s = *reinterpret_cast<State*>(states[i]);
        delete s;
        s = nullptr;
        made_states().remove(states[i]);
    }
}

void update(duckdb_function_info info, duckdb_data_chunk input, duckdb_aggregate_state* states) {
    guarded(info, true, [&]() -> std::optional<std::string> {
        const Function& f = function_of(info, true);
        const idx_t count = duckdb_data_chunk_get_size(input);
        const idx_t arguments = duckdb_data_chunk_get_column_count(input);
        if (arguments > f.arguments.size()) return std::string(f.name) + ": too many arguments";
        std::vector<Rows*> rows(count);
        const bool one_state = count > 1 && !made_states().has(states[1]); // see Registry
        for (idx_t r = 0; r < count; ++r) {
            State& s = *reinterpret_cast<State*>(states[one_state ? 0 : r]);
            if (!s) s = new Rows(f);
            rows[r] = s;
        }
        std::optional<std::string> error;
        for (idx_t a = 0; a < arguments && !error; ++a) {
            auto type = read_cells(f, a, duckdb_data_chunk_get_vector(input, a), count,
                                   [&](idx_t r, CellView cell) {
                                       if (auto e = rows[r]->add(a, cell); e && !error) error = e;
                                   });
            if (type) return type;
        }
        return error;
    });
}

void combine(duckdb_function_info info, duckdb_aggregate_state* source,
             duckdb_aggregate_state* target, idx_t count) {
    guarded(info, true, [&]() -> std::optional<std::string> {
        const Function& f = function_of(info, true);
        for (idx_t i = 0; i < count; ++i) {
            const State from = *reinterpret_cast<State*>(source[i]);
            if (!from) continue;
            State& to = *reinterpret_cast<State*>(target[i]);
            if (!to) to = new Rows(f);
            if (auto error = to->append(*from)) return error;
        }
        return std::nullopt;
    });
}

void finalize(duckdb_function_info info, duckdb_aggregate_state* source, duckdb_vector result,
              idx_t count, idx_t offset) {
    guarded(info, true, [&]() -> std::optional<std::string> {
        const Function& f = function_of(info, true);
        for (idx_t i = 0; i < count; ++i) {
            const State rows = *reinterpret_cast<State*>(source[i]);
            // A group without a row: NULL, or 0 for a count, as SQL's own aggregates give.
            if (!rows || rows->rows() == 0) {
                write(f, result, offset + i, f.returns == Returns::count ? Answer(0.0) : Answer());
                continue;
            }
            Evaluated e = evaluate(*rows);
            if (!e.error.empty()) return e.error;
            write(f, result, offset + i, e.answer);
        }
        return std::nullopt;
    });
}

void scalar(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    guarded(info, false, [&]() -> std::optional<std::string> {
        const Function& f = function_of(info, false);
        const idx_t count = duckdb_data_chunk_get_size(input);
        const idx_t arguments = duckdb_data_chunk_get_column_count(input);
        if (arguments > f.arguments.size()) return std::string(f.name) + ": too many arguments";
        std::vector<std::vector<Cell>> cells(count, std::vector<Cell>(arguments));
        for (idx_t a = 0; a < arguments; ++a) {
            auto type = read_cells(f, a, duckdb_data_chunk_get_vector(input, a), count,
                                   [&](idx_t r, CellView cell) { cells[r][a] = copy_of(cell); });
            if (type) return type;
        }
        for (idx_t r = 0; r < count; ++r) {
            Evaluated e = evaluate(f, cells[r]);
            if (!e.error.empty()) return e.error;
            write(f, output, r, e.answer);
        }
        return std::nullopt;
    });
}

// key_fold(x): the key as the add-in and every function here compare it.
void key_fold(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        const idx_t count = duckdb_data_chunk_get_size(input);
        duckdb_vector v = duckdb_data_chunk_get_vector(input, 0);
        const auto* s = static_cast<const duckdb_string_t*>(duckdb_vector_get_data(v));
        const std::uint64_t* validity = duckdb_vector_get_validity(v);
        std::string key;
        for (idx_t r = 0; r < count; ++r) {
            if (!is_valid(validity, r)) {
                set_null(output, r);
                continue;
            }
            const std::string_view t = text_of(s[r]);
            key_text(CellView(t.empty() ? Cell::Kind::empty : Cell::Kind::text, 0, t), key);
            duckdb_vector_assign_string_element_len(output, r, key.data(), key.size());
        }
    } catch (...) {
        duckdb_scalar_function_set_error(info, "key_fold: an unexpected failure");
    }
}

// The SQL type of an argument; `value_type` for an Input::value.
duckdb_logical_type parameter_type(const Argument& a, duckdb_type value_type) {
    switch (a.input) {
    case Input::number:
        return duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE);
    case Input::code:
        return duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    case Input::value:
        return duckdb_create_logical_type(value_type);
    default:
        return duckdb_create_logical_type(DUCKDB_TYPE_ANY);
    }
}

duckdb_logical_type return_type(const Function& f, duckdb_type value_type) {
    switch (f.returns) {
    case Returns::number:
        return duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE);
    case Returns::count:
        return duckdb_create_logical_type(DUCKDB_TYPE_BIGINT);
    case Returns::text:
        return duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    case Returns::value:
        return duckdb_create_logical_type(value_type);
    case Returns::rows: {
        std::vector<duckdb_logical_type> types;
        std::vector<std::string> names(f.fields.begin(), f.fields.end());
        std::vector<const char*> name_pointers;
        for (const std::string& n : names) {
            types.push_back(duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE));
            name_pointers.push_back(n.c_str());
        }
        const Type row(duckdb_create_struct_type(types.data(), name_pointers.data(), types.size()));
        for (auto& t : types)
            duckdb_destroy_logical_type(&t);
        return duckdb_create_list_type(row.get());
    }
    }
    return duckdb_create_logical_type(DUCKDB_TYPE_INVALID);
}

// One overload per number of arguments given (the optional ones are trailing), and for a
// function with a value argument one per value type.
bool register_function(duckdb_connection connection, const Function& f) {
    const bool has_value = std::any_of(f.arguments.begin(), f.arguments.end(),
                                       [](const Argument& a) { return a.input == Input::value; });
    std::vector<duckdb_type> value_types{DUCKDB_TYPE_DOUBLE};
    if (has_value) value_types.push_back(DUCKDB_TYPE_VARCHAR);
    const std::string name(f.name);
    void* extra = const_cast<Function*>(&f); // read only
    if (f.aggregate) {
        duckdb_aggregate_function_set set = duckdb_create_aggregate_function_set(name.c_str());
        for (duckdb_type value_type : value_types) {
            for (std::size_t n = f.required(); n <= f.arguments.size(); ++n) {
                duckdb_aggregate_function fn = duckdb_create_aggregate_function();
                duckdb_aggregate_function_set_name(fn, name.c_str());
                for (std::size_t i = 0; i < n; ++i) {
                    const Type t(parameter_type(f.arguments[i], value_type));
                    duckdb_aggregate_function_add_parameter(fn, t.get());
                }
                const Type r(return_type(f, value_type));
                duckdb_aggregate_function_set_return_type(fn, r.get());
                duckdb_aggregate_function_set_functions(fn, state_size, state_init, update, combine,
                                                        finalize);
                duckdb_aggregate_function_set_destructor(fn, state_destroy);
                duckdb_aggregate_function_set_special_handling(fn); // NULLs reach us
                duckdb_aggregate_function_set_extra_info(fn, extra, nullptr);
                duckdb_add_aggregate_function_to_set(set, fn);
                duckdb_destroy_aggregate_function(&fn);
            }
        }
        const bool ok = duckdb_register_aggregate_function_set(connection, set) == DuckDBSuccess;
        duckdb_destroy_aggregate_function_set(&set);
        return ok;
    }
    duckdb_scalar_function_set set = duckdb_create_scalar_function_set(name.c_str());
    for (duckdb_type value_type : value_types) {
        for (std::size_t n = f.required(); n <= f.arguments.size(); ++n) {
            duckdb_scalar_function fn = duckdb_create_scalar_function();
            duckdb_scalar_function_set_name(fn, name.c_str());
            for (std::size_t i = 0; i < n; ++i) {
                const Type t(parameter_type(f.arguments[i], value_type));
                duckdb_scalar_function_add_parameter(fn, t.get());
            }
            const Type r(return_type(f, value_type));
            duckdb_scalar_function_set_return_type(fn, r.get());
            duckdb_scalar_function_set_function(fn, scalar);
            duckdb_scalar_function_set_special_handling(fn);
            duckdb_scalar_function_set_extra_info(fn, extra, nullptr);
            duckdb_add_scalar_function_to_set(set, fn);
            duckdb_destroy_scalar_function(&fn);
        }
    }
    const bool ok = duckdb_register_scalar_function_set(connection, set) == DuckDBSuccess;
    duckdb_destroy_scalar_function_set(&set);
    return ok;
}

bool register_key_fold(duckdb_connection connection) {
    duckdb_scalar_function fn = duckdb_create_scalar_function();
    duckdb_scalar_function_set_name(fn, "key_fold");
    const Type varchar(DUCKDB_TYPE_VARCHAR);
    duckdb_scalar_function_add_parameter(fn, varchar.get());
    duckdb_scalar_function_set_return_type(fn, varchar.get());
    duckdb_scalar_function_set_function(fn, key_fold);
    const bool ok = duckdb_register_scalar_function(connection, fn) == DuckDBSuccess;
    duckdb_destroy_scalar_function(&fn);
    return ok;
}

} // namespace

DUCKDB_EXTENSION_ENTRYPOINT(duckdb_connection connection, duckdb_extension_info info,
                            duckdb_extension_access* access) {
    try {
        for (const Function& f : functions()) {
            if (!register_function(connection, f)) {
                access->set_error(
                    info,
                    ("customer_analytics: could not register " + std::string(f.name)).c_str());
                return false;
            }
        }
        if (!register_key_fold(connection)) {
            access->set_error(info, "customer_analytics: could not register key_fold");
            return false;
        }
        return true;
    } catch (...) {
        access->set_error(info, "customer_analytics: registration failed");
        return false;
    }
}
