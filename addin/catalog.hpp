// The table that describes every function, compiled from its one declaration
// (idl/functions.toml): the name stored in documents, the name users type, the English and
// Japanese texts of the Function Wizard and each argument's role. The add-in's XAddIn
// methods, the tests and the reference in docs/ all read it. No UNO here, so that the docs
// tool can use it without an office.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace ca::catalog {

struct Text {
    std::string_view en, ja;
    std::string_view in(bool japanese) const { return japanese ? ja : en; }
};

struct Argument {
    Text name, description;
    std::string_view role; // what the argument is (idl/functions.toml lists the roles)
    bool optional = false;
    bool repeated = false;  // any number of trailing (range; value) pairs
    bool reference = false; // a cell reference (XCellRange in the IDL), never an inline array
};

struct Function {
    std::string_view method;  // programmatic name, stored in every saved .ods: never change
    std::string_view display; // what users type, the same in every language
    Text description;
    std::vector<Argument> arguments; // as the user sees them (without the hidden options)
};

// The service every method belongs to; with the method it forms the saved formula name.
extern const std::string_view service, implementation;
extern const Text category;

std::span<const Function> functions();
const Function* by_method(std::string_view method);
const Function* by_display(std::string_view display); // case-insensitive

} // namespace ca::catalog
